using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Delivery;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Rules;

/// <summary>"Send test alert" and "Resend": both go through the real outbox (<see cref="TestAlertQueue"/>), so the
/// sender posts them with the same lanes, rate limits, retries and failure handling as any alert.</summary>
public sealed partial class TestAlerts(
    IDbContextFactory<RelayDbContext> contexts,
    TestAlertQueue queue,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<TestAlerts> logger)
{
    /// <summary>Queues a test alert for one rule of the guild; null when the guild has no such rule.</summary>
    public async Task<long?> QueueAsync(string guildId, long ruleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rule = await db.AlertRules.AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == ruleId && x.GuildId == guildId, cancellationToken);
        if (rule is null || EventCatalog.Find(rule.EventKey) is null)
        {
            return null;
        }

        var queued = await queue.QueueAsync(guildId, [rule], "the dashboard", cancellationToken);
        return queued[0];
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

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information,
        Message = "Dashboard resend of failed delivery {DeliveryId} in guild {GuildId}")]
    private partial void LogResend(long deliveryId, string guildId);
}
