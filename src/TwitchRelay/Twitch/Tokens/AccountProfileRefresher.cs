using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Twitch.Tokens;

/// <summary>Re-reads a linked account's profile (Get Users) after its hourly validation, so a renamed streamer or one
/// who became affiliate or partner between re-links is noticed: the subscriptions are recomputed, and the admins are
/// told when the new events need a re-link for their scopes. https://dev.twitch.tv/docs/api/reference/#get-users
/// </summary>
public sealed partial class AccountProfileRefresher(
    IDbContextFactory<RelayDbContext> contexts,
    TwitchHelixClient helix,
    ChangeMarkers changes,
    LinkHealth health,
    ILogger<AccountProfileRefresher> logger)
{
    public async Task RefreshAsync(string accountId, string accessToken, CancellationToken cancellationToken)
    {
        // A failed read changes nothing; the next hourly pass tries again.
        var me = await helix.GetCurrentUserAsync(accessToken, cancellationToken);
        if (me is not HelixOk<TwitchUser?> { Value: { } user } || user.Id != accountId)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        var account = await db.TwitchAccounts.FindAsync([accountId], cancellationToken);
        if (account is null)
        {
            return;
        }

        var before = account.BroadcasterType;
        account.Login = user.Login;
        account.DisplayName = user.DisplayName;
        account.ProfileImageUrl = user.ProfileImageUrl;
        account.BroadcasterType = user.BroadcasterType;
        await db.SaveChangesAsync(cancellationToken);
        if (before == user.BroadcasterType)
        {
            return;
        }

        LogTypeChanged(user.Login, accountId, TypeName(before), TypeName(user.BroadcasterType));
        await changes.BumpAsync(ChangeMarkers.Links, cancellationToken);

        var monetized = user.BroadcasterType is "affiliate" or "partner";
        if (monetized && ScopeSets.AffiliateOrPartner.Except(account.ScopeList, StringComparer.Ordinal).Any())
        {
            var name = DiscordText.Escape(user.DisplayName);
            await health.TellAdminsAsync(
                accountId,
                guildId => $"🎉 **{name}** is now a Twitch {user.BroadcasterType}. Re-link the account to allow "
                    + "bits, subscriptions, polls, predictions, rewards, goals and hype trains: "
                    + $"{health.RelinkHint(guildId)}.",
                cancellationToken);
        }
    }

    private static string TypeName(string broadcasterType) =>
        broadcasterType.Length == 0 ? "regular" : broadcasterType;

    [LoggerMessage(EventId = 3770, Level = LogLevel.Information,
        Message = "Twitch account {Login} ({AccountId}) changed from {Before} to {After}; subscriptions follow")]
    private partial void LogTypeChanged(string login, string accountId, string before, string after);
}
