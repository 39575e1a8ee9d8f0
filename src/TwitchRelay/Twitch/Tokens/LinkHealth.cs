using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Delivery;
using TwitchRelay.Discord;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;

namespace TwitchRelay.Twitch.Tokens;

/// <summary>Marks a link broken (token revoked, refresh refused, authorization revoked), stops using its token, and
/// tells each linked guild's admins in their admin channel, once per breakage.</summary>
public sealed partial class LinkHealth(
    IDbContextFactory<RelayDbContext> contexts,
    AdminNotices notices,
    ChangeMarkers changes,
    ServiceAddress address,
    TimeProvider time,
    ILogger<LinkHealth> logger) : ILinkBreaker
{
    /// <summary>Where a guild's admins re-link: the guild's dashboard page, or the CLI verb on the server.</summary>
    public string RelinkHint(string guildId) =>
        $"Re-Link on <{address.GuildPage(guildId)}> or run `twitch relink --guild {guildId}` on the server";

    public async Task MarkBrokenAsync(
        string accountId,
        string reason,
        DateTimeOffset occurredAt,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.TwitchAccounts.FindAsync([accountId], cancellationToken);
        if (account is null || !account.IsHealthy || occurredAt < account.TokensIssuedAt)
        {
            return;
        }

        account.BrokenReason = reason;
        account.BrokenAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await changes.BumpAsync(ChangeMarkers.Links, cancellationToken);
        LogBroken(account.Login, accountId, reason);

        var name = DiscordText.Escape(account.DisplayName);
        await TellAdminsAsync(
            accountId,
            guildId => $"⚠️ The Twitch link to **{name}** stopped working: {reason}. "
                + $"Alerts for this channel are paused until it is re-linked: {RelinkHint(guildId)}.",
            cancellationToken);
    }

    /// <summary>Posts <paramref name="text"/> (given each guild's id) in the admin channel of every guild linked to
    /// the account. A failure is logged, not retried: the same news is also in the log and the CLI.</summary>
    public async Task TellAdminsAsync(
        string accountId,
        Func<string, string> text,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var guilds = await db.GuildLinks
            .Where(x => x.BroadcasterId == accountId && x.AdminChannelId != null)
            .ToListAsync(cancellationToken);
        foreach (var guild in guilds)
        {
            var result = await notices.PostAsync(
                guild.AdminChannelId!, text(guild.GuildId), nonce: null, cancellationToken);
            if (result is not DiscordDelivered)
            {
                LogAdminNotTold(guild.GuildId, result.ToString());
            }
        }
    }

    [LoggerMessage(EventId = 3710, Level = LogLevel.Error,
        Message = "The Twitch link of {Login} ({AccountId}) is broken: {Reason}. Re-link to resume alerts")]
    private partial void LogBroken(string login, string accountId, string reason);

    [LoggerMessage(EventId = 3711, Level = LogLevel.Warning,
        Message = "Could not tell the admins of guild {GuildId} about their Twitch link: {Result}")]
    private partial void LogAdminNotTold(string guildId, string result);
}
