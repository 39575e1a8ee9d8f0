using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.OAuth;

namespace TwitchRelay.Twitch.Tokens;

/// <summary>A linked account's user token: read (decrypted), refreshed when Twitch answers 401 (both new tokens
/// stored, since the refresh token can change), and given up when a refresh is refused.
/// https://dev.twitch.tv/docs/authentication/refresh-tokens/</summary>
public sealed partial class AccountTokens(
    IDbContextFactory<RelayDbContext> contexts,
    SecretProtector protector,
    TwitchAuthClient auth,
    LinkHealth health,
    TimeProvider time,
    ILogger<AccountTokens> logger)
{
    private readonly SemaphoreSlim refreshLock = new(1, 1);

    /// <summary>The current access token, or null when the account is unknown, broken or has none.</summary>
    public async Task<string?> GetAccessTokenAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.TwitchAccounts.FindAsync([accountId], cancellationToken);
        return account is { IsHealthy: true, ProtectedAccessToken: not null }
            ? protector.Unprotect(account.ProtectedAccessToken)
            : null;
    }

    /// <summary>Refreshes after a 401. Returns the new access token, or null when Twitch refused the refresh (the
    /// link is then marked broken and the admins told). <paramref name="rejectedToken"/> avoids refreshing twice
    /// when two callers saw the same 401.</summary>
    public async Task<string?> RefreshAsync(string accountId, string rejectedToken, CancellationToken cancellationToken)
    {
        await refreshLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = contexts.CreateDbContext();
            var account = await db.TwitchAccounts.FindAsync([accountId], cancellationToken);
            if (account is not { IsHealthy: true, ProtectedRefreshToken: not null })
            {
                return null;
            }

            var current = account.ProtectedAccessToken is null
                ? null
                : protector.Unprotect(account.ProtectedAccessToken);
            if (current is not null && current != rejectedToken)
            {
                return current;
            }

            var result = await auth.RefreshAsync(protector.Unprotect(account.ProtectedRefreshToken), cancellationToken);
            if (result is TwitchTokenIssued issued)
            {
                Store(account, issued.Tokens);
                await db.SaveChangesAsync(cancellationToken);
                LogRefreshed(accountId);
                return issued.Tokens.AccessToken;
            }

            var refused = (TwitchTokenRefused)result;
            if (refused.Status is not (400 or 401))
            {
                // Twitch down or limiting (5xx, 429) says nothing about the grant: try again later, keep the link.
                LogRefreshFailedForNow(accountId, refused.Status);
                return null;
            }

            await health.MarkBrokenAsync(accountId, $"Twitch refused to refresh the token ({refused.Message})",
                time.GetUtcNow(), cancellationToken);
            return null;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    /// <summary>Writes freshly issued tokens onto <paramref name="account"/> (encrypted) and clears a broken state.
    /// </summary>
    public void Store(TwitchAccount account, TwitchTokens tokens)
    {
        account.ProtectedAccessToken = protector.Protect(tokens.AccessToken);
        if (tokens.RefreshToken is not null)
        {
            account.ProtectedRefreshToken = protector.Protect(tokens.RefreshToken);
        }

        account.AccessTokenExpiresAt = tokens.ExpiresAt;
        account.TokensIssuedAt = time.GetUtcNow();
        account.Scopes = string.Join(' ', tokens.Scopes);
        account.LastValidatedAt = time.GetUtcNow();
    }

    [LoggerMessage(EventId = 3701, Level = LogLevel.Warning,
        Message = "Refreshing the token of account {AccountId} failed for now (Twitch answered {Status})")]
    private partial void LogRefreshFailedForNow(string accountId, int status);

    [LoggerMessage(EventId = 3700, Level = LogLevel.Information,
        Message = "Refreshed the user token of account {AccountId}")]
    private partial void LogRefreshed(string accountId);
}
