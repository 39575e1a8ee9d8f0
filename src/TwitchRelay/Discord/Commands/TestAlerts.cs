using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Delivery;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Discord.Commands;

/// <summary>Queues a sample alert for each enabled rule of one event in one guild, into the real outbox, so it goes
/// out exactly as a real one would (same sender, rate limits, retries) but pings no role. The sample is stored as
/// an already handled inbox row so the dispatcher never turns it into alerts for other guilds.</summary>
internal sealed class TestAlerts(
    IDbContextFactory<RelayDbContext> contexts,
    OutboxSignal outbox,
    TimeProvider time)
{
    /// <summary>Returns the lanes (destinations) a test alert was queued for.</summary>
    public async Task<IReadOnlyList<string>> QueueAsync(
        string guildId,
        string eventKey,
        string userId,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules
            .Where(r => r.GuildId == guildId && r.EventKey == eventKey && r.Enabled)
            .OrderBy(r => r.Position)
            .ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return [];
        }

        var sample = SampleBodies.ByKey[eventKey];
        var alert = SampleEvents.For(eventKey);
        var now = time.GetUtcNow();
        var notification = new InboxNotification
        {
            MessageId = $"test-{Guid.NewGuid():N}",
            MessageType = "notification",
            SubscriptionType = sample.Type,
            SubscriptionVersion = sample.Version,
            MessageTimestamp = now,
            ReceivedAt = now,
            Body = $$"""{"subscription":{"type":"{{sample.Type}}","version":"{{sample.Version}}"},"event":"""
                + sample.Event + "}",
            ProcessedAt = now,
            Outcome = $"test alert from /twitch test by Discord user {userId}: {rules.Count} delivery(ies)",
        };
        db.Inbox.Add(notification);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var rule in rules)
        {
            var message = AlertRenderer.Render(alert, new RenderOptions([], rule.Template));
            db.Deliveries.Add(new AlertDelivery
            {
                InboxId = notification.Id,
                RuleId = rule.Id,
                GuildId = guildId,
                EventKey = eventKey,
                LaneKey = rule.LaneKey,
                EventTime = now,
                Body = DiscordMessageJson.Serialize(message),
                Nonce = DeliveryNonce.For(notification.MessageId, rule.Id),
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Signal.Notify();
        return [.. rules.Select(r => r.LaneKey).Distinct()];
    }
}
