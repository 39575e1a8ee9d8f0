using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery;

/// <summary>Keeps the database from growing forever: notifications handled more than <see cref="Keep"/> ago go,
/// with their deliveries (cascade), once none of those deliveries is still owed. Message ids older than Twitch's
/// 10-minute replay window are no longer needed for dedupe
/// (https://dev.twitch.tv/docs/eventsub/#guarding-against-replay-attacks). Applied subscriber-role events go after the
/// same time (the roles they gave are kept in their own table), and expired link tickets and OAuth states at once.
/// </summary>
public sealed partial class RetentionService(
    IDbContextFactory<RelayDbContext> contexts,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (DbException exception)
            {
                LogFailed(exception);
            }

            await Task.Delay(Period, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Returns how many notifications were removed.</summary>
    internal async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Keep;
        await using var db = contexts.CreateDbContext();
        var removed = await db.Inbox
            .Where(x => x.ProcessedAt != null && x.ProcessedAt < before)
            .Where(x => !db.Deliveries.Any(d => d.InboxId == x.Id && d.Status == DeliveryStatus.Pending))
            .ExecuteDeleteAsync(cancellationToken);
        await db.Revocations.Where(x => x.RevokedAt < before).ExecuteDeleteAsync(cancellationToken);
        await db.SubscriberEvents
            .Where(x => x.ProcessedAt != null && x.ProcessedAt < before)
            .ExecuteDeleteAsync(cancellationToken);

        // Link tickets and OAuth states are single-use and short-lived; an unused one is of no use once expired.
        var now = time.GetUtcNow();
        await db.LinkTickets.Where(x => x.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        await db.LinkRequests.Where(x => x.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        await db.MemberConnectRequests.Where(x => x.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogPruned(removed, Keep.TotalDays);
        }

        return removed;
    }

    [LoggerMessage(EventId = 2440, Level = LogLevel.Information,
        Message = "Removed {Count} notifications (and their deliveries) handled more than {Days} days ago")]
    private partial void LogPruned(int count, double days);

    [LoggerMessage(EventId = 2441, Level = LogLevel.Warning, Message = "Pruning old notifications failed")]
    private partial void LogFailed(Exception exception);
}
