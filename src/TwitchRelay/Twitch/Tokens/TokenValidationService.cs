using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.OAuth;

namespace TwitchRelay.Twitch.Tokens;

/// <summary>Validates every linked token at start-up and then hourly, as Twitch requires of apps that keep OAuth
/// sessions (https://dev.twitch.tv/docs/authentication/validate-tokens/). An invalid token is refreshed; a refused
/// refresh marks the link broken. A valid one is used to re-read the account's profile and type.</summary>
public sealed partial class TokenValidationService(
    IDbContextFactory<RelayDbContext> contexts,
    TwitchAuthClient auth,
    AccountTokens tokens,
    AccountProfileRefresher profiles,
    IOptions<TwitchOptions> twitch,
    TimeProvider time,
    ILogger<TokenValidationService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ValidateAllAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or DbUpdateException)
            {
                LogFailed(exception);
            }

            await Task.Delay(Period, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    internal async Task ValidateAllAsync(CancellationToken cancellationToken)
    {
        List<string> accounts;
        await using (var db = contexts.CreateDbContext())
        {
            accounts = await db.TwitchAccounts
                .Where(x => x.BrokenReason == null && x.ProtectedAccessToken != null)
                .Select(x => x.UserId)
                .ToListAsync(cancellationToken);
        }

        foreach (var accountId in accounts)
        {
            var token = await tokens.GetAccessTokenAsync(accountId, cancellationToken);
            if (token is null)
            {
                continue;
            }

            var validation = await auth.ValidateAsync(token, cancellationToken);
            if (validation is null)
            {
                await tokens.RefreshAsync(accountId, token, cancellationToken);
                continue;
            }

            await MarkValidatedAsync(accountId, cancellationToken);
            await profiles.RefreshAsync(accountId, token, cancellationToken);
        }
    }

    private async Task MarkValidatedAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.TwitchAccounts.FindAsync([accountId], cancellationToken);
        if (account is not null)
        {
            account.LastValidatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3760, Level = LogLevel.Warning, Message = "Validating Twitch tokens failed; will retry")]
    private partial void LogFailed(Exception exception);
}
