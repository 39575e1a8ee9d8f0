using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery;

/// <summary>Queues a test alert (the event key's sample event, rendered for each rule with its mentions stripped)
/// into the real outbox, so the sender posts it with the same lanes, rate limits, retries and failure handling as
/// any alert. The sample is stored as an already handled inbox row of its own message type: the dispatcher never
/// turns it into alerts for other guilds, and the dashboard's activity can tell tests from real alerts.</summary>
public sealed partial class TestAlertQueue(
    IDbContextFactory<RelayDbContext> contexts,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<TestAlertQueue> logger)
{
    /// <summary>The inbox message type of a test alert (Twitch's own types are notification, revocation and
    /// webhook_callback_verification).</summary>
    public const string MessageType = "test_alert";

    /// <summary>Queues one delivery per rule, all of one event key in one guild; returns the deliveries' ids in
    /// the rules' order. <paramref name="origin"/> says who asked, for the inbox row's outcome.</summary>
    public async Task<IReadOnlyList<long>> QueueAsync(
        string guildId,
        IReadOnlyList<AlertRule> rules,
        string origin,
        CancellationToken cancellationToken)
    {
        if (rules.Count == 0)
        {
            return [];
        }

        var eventKey = rules[0].EventKey;
        if (rules.Any(r => r.GuildId != guildId || r.EventKey != eventKey))
        {
            throw new ArgumentException("Test alerts are queued for the rules of one event in one guild.");
        }

        var definition = EventCatalog.Find(eventKey)
            ?? throw new ArgumentException($"'{eventKey}' is not an event key.", nameof(rules));
        var sample = SampleEvents.For(eventKey);
        var now = time.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
            Outcome = $"test alert from {origin}: {rules.Count} delivery(ies)",
        };
        db.Inbox.Add(inbox);
        await db.SaveChangesAsync(cancellationToken);

        var deliveries = rules.Select(rule => new AlertDelivery
        {
            InboxId = inbox.Id,
            RuleId = rule.Id,
            GuildId = guildId,
            EventKey = eventKey,
            LaneKey = rule.LaneKey,
            // Never part of a poll's or hype train's shared message: a test is a message of its own.
            ThreadKey = null,
            EventTime = now,
            Body = DiscordMessageJson.Serialize(AlertRenderer.Render(sample, new RenderOptions([], rule.Template))),
            Nonce = DeliveryNonce.For(inbox.MessageId, rule.Id),
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        }).ToList();
        db.Deliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Signal.Notify();

        LogQueued(eventKey, guildId, deliveries.Count, origin);
        return [.. deliveries.Select(d => d.Id)];
    }

    [LoggerMessage(EventId = 2450, Level = LogLevel.Information,
        Message = "Test alert {EventKey} queued for guild {GuildId}: {Count} delivery(ies), from {Origin}")]
    private partial void LogQueued(string eventKey, string guildId, int count, string origin);
}
