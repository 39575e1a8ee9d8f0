using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;

namespace TwitchRelay.Delivery.Streams;

/// <summary>Ends the go-live posts of streams whose stream.offline never came, so a post does not say "live" until
/// the channel's next stream. At start-up and every <see cref="Period"/>, the channels the relay holds as live and has
/// heard nothing from for <see cref="Lag"/> are looked up in Get Streams; one that is not listed in two looks at least
/// <see cref="Lag"/> apart has ended, and an <see cref="ObservedOffline"/> row ends it through the dispatcher. Two
/// looks, because Get Streams is cached for minutes and has been seen to leave out a live stream for a moment
/// (https://github.com/twitchdev/issues/issues/558); ending a live stream's post would be worse than a late end.
/// </summary>
public sealed partial class StreamStateReconciler(
    IDbContextFactory<RelayDbContext> contexts,
    IStreamInfoSource streams,
    InboxSignal inboxSignal,
    TimeProvider time,
    ILogger<StreamStateReconciler> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    /// <summary>How long Get Streams may lag behind a stream's events.</summary>
    public static readonly TimeSpan Lag = StreamOptions.GetStreamsCacheLag;

    /// <summary>Streams Get Streams did not list at the last look: channel → (stream id, first missed at).</summary>
    private readonly Dictionary<string, (string? StreamId, DateTimeOffset Since)> missing =
        new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = Period;
            try
            {
                var (suspected, _) = await CheckAsync(stoppingToken);
                // A stream missed once is looked at again as soon as the cache cannot explain it.
                next = suspected > 0 ? Lag : Period;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A post's end is never worth stopping the service for (a BackgroundService that throws stops the
                // host); the next look tries again.
                LogCheckFailed(exception);
            }

            try
            {
                await Task.Delay(next, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One look; returns how many streams are missed once and waiting for the second look, and how many were
    /// found ended (and queued to end).</summary>
    internal async Task<(int Suspected, int Ended)> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var quiet = (await db.StreamStates.AsNoTracking().Where(x => x.IsLive).ToListAsync(cancellationToken))
            .Where(x => now - StreamPlanner.LastSeenLive(x) >= Lag)
            .ToList();
        foreach (var gone in missing.Keys.Except(quiet.Select(x => x.BroadcasterId)).ToList())
        {
            missing.Remove(gone);
        }

        if (quiet.Count == 0)
        {
            return (0, 0);
        }

        var listed = await streams.GetLiveStreamsAsync([.. quiet.Select(x => x.BroadcasterId)], cancellationToken);
        if (listed is null)
        {
            // Twitch could not be asked: nothing is learned, and nothing is ended on one look.
            return (missing.Count, 0);
        }

        var ended = 0;
        foreach (var state in quiet)
        {
            var id = state.BroadcasterId;
            if (listed.ContainsKey(id))
            {
                missing.Remove(id);
            }
            else if (missing.TryGetValue(id, out var seen) && seen.StreamId == state.StreamId
                && now - seen.Since >= Lag)
            {
                missing.Remove(id);
                var messageId = ObservedOffline.MessageIdFor(state);
                if (!await db.Inbox.AnyAsync(x => x.MessageId == messageId, cancellationToken))
                {
                    db.Inbox.Add(ObservedOffline.Create(state, now));
                    LogEnded(id, state.StreamId, seen.Since);
                    ended++;
                }
            }
            else if (!missing.TryGetValue(id, out var earlier) || earlier.StreamId != state.StreamId)
            {
                missing[id] = (state.StreamId, now);
            }
        }

        if (ended > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            inboxSignal.Signal.Notify();
        }

        return (missing.Count, ended);
    }

    [LoggerMessage(EventId = 4400, Level = LogLevel.Information,
        Message = "Stream {StreamId} of channel {BroadcasterId} is live for the relay but Twitch has not listed it "
            + "since {MissingSince}: its stream.offline was lost; ending its post")]
    private partial void LogEnded(string broadcasterId, string? streamId, DateTimeOffset missingSince);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Checking live streams with Twitch failed")]
    private partial void LogCheckFailed(Exception exception);
}
