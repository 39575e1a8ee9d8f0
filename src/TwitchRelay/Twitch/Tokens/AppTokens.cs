using TwitchRelay.Twitch.OAuth;

namespace TwitchRelay.Twitch.Tokens;

/// <summary>The app access token (client credentials), fetched on demand and fetched again on expiry or 401: it
/// cannot be refreshed. https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#client-credentials-grant-flow
/// </summary>
public sealed class AppTokens(TwitchAuthClient auth, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private TwitchTokens? current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null || current.ExpiresAt <= time.GetUtcNow().AddMinutes(5))
            {
                current = await FetchAsync(cancellationToken);
            }

            return current.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops <paramref name="rejected"/> after a 401 so the next call fetches a new one.</summary>
    public void Invalidate(string rejected)
    {
        if (current?.AccessToken == rejected)
        {
            current = null;
        }
    }

    private async Task<TwitchTokens> FetchAsync(CancellationToken cancellationToken) =>
        await auth.GetAppTokenAsync(cancellationToken) switch
        {
            TwitchTokenIssued issued => issued.Tokens,
            TwitchTokenRefused refused => throw new InvalidOperationException(
                $"Twitch refused the app token ({refused.Status}: {refused.Message}); "
                + "check Twitch:ClientId and Twitch:ClientSecret."),
            _ => throw new InvalidOperationException("Unexpected token result."),
        };
}
