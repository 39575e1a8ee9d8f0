using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Twitch.Tokens;

/// <summary>Runs a Helix call with the right token and handles its expiry: a user token is refreshed once on 401
/// (Twitch: "refresh reactively", https://dev.twitch.tv/docs/authentication/refresh-tokens/), an app token is fetched
/// again. A call that still fails comes back as the failure, for the caller to show.</summary>
public sealed class TwitchCalls(AccountTokens accounts, AppTokens app)
{
    public async Task<HelixResult<T>> AsUserAsync<T>(
        string accountId,
        Func<string, CancellationToken, Task<HelixResult<T>>> call,
        CancellationToken cancellationToken)
    {
        var token = await accounts.GetAccessTokenAsync(accountId, cancellationToken);
        if (token is null)
        {
            return new HelixUnauthorized<T>("the account has no usable token (not linked, or the link is broken)");
        }

        var result = await call(token, cancellationToken);
        if (result is not HelixUnauthorized<T>)
        {
            return result;
        }

        var refreshed = await accounts.RefreshAsync(accountId, token, cancellationToken);
        return refreshed is null ? result : await call(refreshed, cancellationToken);
    }

    public async Task<HelixResult<T>> AsAppAsync<T>(
        Func<string, CancellationToken, Task<HelixResult<T>>> call,
        CancellationToken cancellationToken)
    {
        var token = await app.GetAsync(cancellationToken);
        var result = await call(token, cancellationToken);
        if (result is not HelixUnauthorized<T>)
        {
            return result;
        }

        app.Invalidate(token);
        return await call(await app.GetAsync(cancellationToken), cancellationToken);
    }
}
