using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Discord;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery;

/// <summary>Tells a guild's admins, in its admin channel, that an alert could not be posted and why, so a missing
/// permission or a deleted channel is fixed before the community misses more alerts. Once per rule and reason an
/// hour: a rule failing on every event would otherwise flood the admin channel. The log and the activity page keep
/// every failure.</summary>
public sealed partial class DestinationFailureNotices(
    IDbContextFactory<RelayDbContext> contexts,
    AdminNotices notices,
    ServiceAddress address,
    TimeProvider time,
    ILogger<DestinationFailureNotices> logger)
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(long RuleId, string Reason), DateTimeOffset> told = new();

    public async Task TellAsync(AlertRule rule, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (rule.Id, reason);
        if (told.TryGetValue(key, out var last) && now - last < QuietPeriod)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var adminChannel = await db.GuildLinks.AsNoTracking()
            .Where(x => x.GuildId == rule.GuildId)
            .Select(x => x.AdminChannelId)
            .SingleOrDefaultAsync(cancellationToken);
        if (adminChannel is null)
        {
            return;
        }

        told[key] = now;
        var sent = await notices.PostAsync(adminChannel, Text(rule, reason), nonce: null, cancellationToken);
        if (sent is not DiscordDelivered)
        {
            LogNotTold(rule.GuildId, rule.Id, sent.ToString());
        }
    }

    private string Text(AlertRule rule, string reason)
    {
        // A channel mention shows the channel's name and pings nobody.
        var where = rule.ChannelId is { } channel ? $"in <#{channel}>" : "through its webhook";
        var switchedOff = rule.Enabled ? "" : " The rule is switched off until it is fixed.";
        return $"⚠️ A **{rule.EventKey}** alert could not be posted {where}: {DiscordText.Escape(reason)}."
            + $"{switchedOff} Fix it on <{address.GuildPage(rule.GuildId)}/events/{rule.EventKey}>; the activity page "
            + "has a Resend button.";
    }

    [LoggerMessage(EventId = 2460, Level = LogLevel.Warning,
        Message = "Could not tell the admins of guild {GuildId} that rule {RuleId} fails: {Result}")]
    private partial void LogNotTold(string guildId, long ruleId, string result);
}
