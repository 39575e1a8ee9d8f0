using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery.Streams;

/// <summary>Edits the VOD link into ended posts. Twitch lists a stream's archive under Get Videos, often only some
/// minutes after the stream ended (https://dev.twitch.tv/docs/api/reference/#get-videos), so the ended post first
/// says "not available yet" and this asks again every <see cref="StreamOptions.VodCheckInterval"/> until
/// <see cref="StreamOptions.VodSearch"/> has passed. A found VOD is recorded like a notification (an inbox row
/// <c>relay:vod:…</c>) with its deliveries, so the edit goes through the same ordered, retried outbox.</summary>
public sealed partial class StreamVodWatcher(
    IDbContextFactory<RelayDbContext> contexts,
    IStreamInfoSource streamInfo,
    StreamStateGate streamGate,
    OutboxSignal outboxSignal,
    TimeProvider time,
    IOptions<StreamOptions> options,
    ILogger<StreamVodWatcher> logger) : BackgroundService
{
    /// <summary>The message type of the inbox rows this watcher writes; Twitch never sends it.</summary>
    public const string MessageType = "relay";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
                await Task.Delay(options.Value.VodCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or DbUpdateException)
            {
                LogCheckFailed(exception);
                await Task.Delay(options.Value.VodCheckInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>One look at every ended post still waiting for its VOD; returns how many VODs were found.</summary>
    internal async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        // Read without tracking: every write below is conditional on the row being as read (see RecordAsync).
        var waiting = await db.StreamStates.AsNoTracking().Where(x => x.VodSearchUntil != null)
            .ToListAsync(cancellationToken);
        var found = 0;
        foreach (var state in waiting)
        {
            var now = time.GetUtcNow();
            if (state.IsLive || now > state.VodSearchUntil)
            {
                using (await streamGate.EnterAsync(cancellationToken))
                {
                    await AsRead(db, state).ExecuteUpdateAsync(
                        x => x.SetProperty(s => s.VodSearchUntil, (DateTimeOffset?)null),
                        cancellationToken);
                }
                continue;
            }

            // The part that just ended: an earlier part's VOD (a return within the grace) is already shown.
            IReadOnlyList<string> streamIds = state.StreamId is { } current ? [current] : state.StreamIdList;
            var startedAt = state.LiveSince ?? state.SessionStartedAt ?? now;
            var url = await streamInfo.FindVodAsync(state.BroadcasterId, streamIds, startedAt, cancellationToken);
            if (url is null)
            {
                continue;
            }

            found += await RecordAsync(db, state, url, now, cancellationToken);
        }

        return found;
    }

    internal async Task<int> RecordAsync(
        RelayDbContext db,
        StreamState state,
        string url,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var streamRows = await streamGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The dispatcher may have moved the row on since it was read (a new go-live, a title change): then this VOD
        // belongs to a state that is gone, and writing it would overwrite the new one. The conditional update also
        // holds the row until the commit, so the dispatcher cannot slip in between.
        var seen = state.Revision;
        var claimed = await AsRead(db, state).ExecuteUpdateAsync(
            x => x.SetProperty(s => s.VodUrl, url)
                .SetProperty(s => s.VodSearchUntil, (DateTimeOffset?)null)
                .SetProperty(s => s.Revision, seen + 1),
            cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            LogMovedOn(state.BroadcasterId, state.Session);
            return 0;
        }

        db.Entry(state).State = EntityState.Detached;

        var notification = new InboxNotification
        {
            MessageId = $"relay:vod:{state.BroadcasterId}:{state.Session}:{state.Revision}",
            MessageType = MessageType,
            SubscriptionType = "stream.vod",
            SubscriptionVersion = "1",
            MessageTimestamp = now,
            ReceivedAt = now,
            Body = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["broadcaster_user_id"] = state.BroadcasterId,
                ["vod_url"] = url,
            }),
            ProcessedAt = now,
        };
        db.Inbox.Add(notification);
        await db.SaveChangesAsync(cancellationToken);

        // The row is written above; this copy renders the edit (PlanVod moves it to the same revision, seen + 1).
        state.VodUrl = url;
        state.VodSearchUntil = null;
        var rules = await StreamRules.ForAsync(db, state.BroadcasterId, cancellationToken);
        var count = StreamPlanner.PlanVod(db, notification, state, rules, now);
        notification.Outcome = count == 1 ? "VOD found: 1 delivery" : $"VOD found: {count} deliveries";
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogVodFound(state.BroadcasterId, state.Session, count);
        if (count > 0)
        {
            outboxSignal.Signal.Notify();
        }

        return 1;
    }

    /// <summary>The channel's row only while it is as <paramref name="state"/> was read: the dispatcher moves the
    /// revision (or the session) on with every change to the post.</summary>
    private static IQueryable<StreamState> AsRead(RelayDbContext db, StreamState state) =>
        db.StreamStates.Where(x => x.BroadcasterId == state.BroadcasterId
            && x.Session == state.Session
            && x.Revision == state.Revision);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug,
        Message = "VOD of {BroadcasterId}'s post {Session} not recorded: the channel's state moved on meanwhile")]
    private partial void LogMovedOn(string broadcasterId, int session);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information,
        Message = "VOD of {BroadcasterId}'s post {Session} found; {Count} post(s) to edit")]
    private partial void LogVodFound(string broadcasterId, int session, int count);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error, Message = "Looking for VODs failed; will try again")]
    private partial void LogCheckFailed(Exception exception);
}
