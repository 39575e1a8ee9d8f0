using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery;

/// <summary>Sends what the outbox owes. Destinations are served side by side; each one in order, one delivery at a
/// time, so two states of one poll never race to create two messages.</summary>
public sealed partial class DeliverySender(
    IDbContextFactory<RelayDbContext> contexts,
    DeliveryAttempt attempt,
    OutboxSignal outboxSignal,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<DeliverySender> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException exception)
            {
                LogRoundFailed(exception);
                sent = 0;
            }

            if (sent == 0)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>Runs every delivery that is due now; returns how many were attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<(long Id, string Lane)> due;
        await using (var db = contexts.CreateDbContext())
        {
            due = (await db.Deliveries
                .Where(x => x.Status == DeliveryStatus.Pending && x.NextAttemptAt <= now)
                .OrderBy(x => x.Id)
                .Take(BatchSize)
                .Select(x => new { x.Id, x.LaneKey })
                .ToListAsync(cancellationToken))
                .Select(x => (x.Id, x.LaneKey))
                .ToList();
        }

        var lanes = due.GroupBy(x => x.Lane, x => x.Id);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.ParallelDestinations,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(lanes, parallel, async (lane, token) =>
        {
            foreach (var id in lane)
            {
                await attempt.RunAsync(id, token);
            }
        });
        return due.Count;
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await outboxSignal.Signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 2420, Level = LogLevel.Error, Message = "Sending deliveries failed; will try again")]
    private partial void LogRoundFailed(Exception exception);
}
