using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Delivery;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Rules;

/// <summary>"Send test alert" and "Resend": both go through the real outbox, so the sender posts them with the same
/// lanes, rate limits, retries and failure handling as any alert. A test alert is the event key's sample event
/// rendered for the rule with its mentions stripped, recorded as a processed inbox entry of its own kind.</summary>
public sealed partial class TestAlerts(
    IDbContextFactory<RelayDbContext> contexts,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<TestAlerts> logger)
{
    public const string MessageType = "dashboard_test";

    /// <summary>Queues a test alert for one rule of the guild; null when the guild has no such rule.</summary>
    public async Task<long?> QueueAsync(string guildId, long ruleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rule = await db.AlertRules.AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == ruleId && x.GuildId == guildId, cancellationToken);
        var definition = rule is null ? null : EventCatalog.Find(rule.EventKey);
        if (rule is null || definition is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var message = AlertRenderer.Render(SampleEvents.For(rule.EventKey), new RenderOptions([], rule.Template));
        var inbox = new InboxNotification
        {
            MessageId = $"{MessageType}:{Guid.NewGuid():N}",
            MessageType = MessageType,
            SubscriptionType = definition.SubscriptionType,
            SubscriptionVersion = definition.SubscriptionVersion,
            MessageTimestamp = now,
            ReceivedAt = now,
            Body = "{}",
            ProcessedAt = now,
            Outcome = "test alert from the dashboard",
        };
        db.Inbox.Add(inbox);
        await db.SaveChangesAsync(cancellationToken);

        var delivery = new AlertDelivery
        {
            InboxId = inbox.Id,
            RuleId = rule.Id,
            GuildId = guildId,
            EventKey = rule.EventKey,
            LaneKey = rule.LaneKey,
            // Never part of a poll's or hype train's shared message: a test is a message of its own.
            ThreadKey = null,
            EventTime = now,
            Body = DiscordMessageJson.Serialize(message),
            Nonce = DeliveryNonce.For(inbox.MessageId, rule.Id),
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Signal.Notify();
        LogQueued(rule.EventKey, guildId, delivery.Id);
        return delivery.Id;
    }

    /// <summary>Sends a failed delivery of the guild again from its first attempt; false when there is no such
    /// failed delivery.</summary>
    public async Task<bool> ResendAsync(string guildId, long deliveryId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow();
        var changed = await db.Deliveries
            .Where(x => x.Id == deliveryId && x.GuildId == guildId && x.Status == DeliveryStatus.Failed)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(x => x.Status, DeliveryStatus.Pending)
                    .SetProperty(x => x.Attempts, 0)
                    .SetProperty(x => x.NextAttemptAt, now)
                    .SetProperty(x => x.LastError, (string?)null)
                    .SetProperty(x => x.CompletedAt, (DateTimeOffset?)null),
                cancellationToken);
        if (changed > 0)
        {
            outbox.Signal.Notify();
            LogResend(deliveryId, guildId);
        }

        return changed > 0;
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
        Message = "Dashboard test alert {EventKey} queued for guild {GuildId} as delivery {DeliveryId}")]
    private partial void LogQueued(string eventKey, string guildId, long deliveryId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information,
        Message = "Dashboard resend of failed delivery {DeliveryId} in guild {GuildId}")]
    private partial void LogResend(long deliveryId, string guildId);
}
