using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Delivery;

/// <summary>Turns stored notifications into deliveries: parse, find the enabled rules of every guild linked to the
/// broadcaster, render one message per rule, store the deliveries and mark the notification processed, all in one
/// transaction. A crash before the commit leaves the notification unprocessed; the unique (notification, rule)
/// index makes doing it again harmless.</summary>
public sealed partial class InboxDispatcher(
    IDbContextFactory<RelayDbContext> contexts,
    InboxSignal inboxSignal,
    OutboxSignal outboxSignal,
    RevocationRecorder revocations,
    StreamPlanner streams,
    StreamStateGate streamGate,
    IStreamInfoSource streamInfo,
    IEnumerable<IStreamLiveObserver> liveObservers,
    IEnumerable<ILinkBreaker> linkBreakers,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<InboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private readonly ConcurrentDictionary<string, bool> unknownTypesLogged = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException exception)
            {
                LogBatchFailed(exception);
                handled = 0;
            }

            if (handled < BatchSize)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>Handles up to one batch of unprocessed notifications; returns how many.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var batch = await db.Inbox
            .Where(x => x.ProcessedAt == null)
            .OrderBy(x => x.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var parsed = batch.Select(Parse).ToList();
        var rules = await LoadRulesAsync(db, parsed, cancellationToken);
        var alerts = parsed.Where(x => x is { Outcome: ParseOutcome.Events }).SelectMany(x => x!.Events).ToList();
        // Asked at dispatch time, not at intake: stream.online carries no title or game, and Twitch answering
        // slowly or not at all must neither delay the intake's answer nor lose the alert.
        var goingLive = alerts
            .Where(x => x.EventKey == EventKeys.StreamOnline && rules[(x.BroadcasterId, x.EventKey)].Any())
            .Select(x => x.BroadcasterId)
            .Distinct()
            .ToList();
        var info = await streamInfo.GetInfoAsync(goingLive, cancellationToken);
        using var streamRows = await streamGate.EnterAsync(cancellationToken);
        var streamBatch = await StreamPlanner.LoadAsync(db, alerts, info, cancellationToken);
        var now = time.GetUtcNow();
        var owed = 0;
        var brokenLinks = new List<(string AccountId, string Reason, DateTimeOffset At)>();
        foreach (var (notification, result) in batch.Zip(parsed))
        {
            owed += Plan(db, notification, result, rules, streamBatch, now, brokenLinks);
            notification.ProcessedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        streamRows.Dispose();
        if (owed > 0)
        {
            outboxSignal.Signal.Notify();
        }

        foreach (var (broadcasterId, live) in streamBatch.LiveChanges)
        {
            foreach (var observer in liveObservers)
            {
                observer.LiveChanged(broadcasterId, live);
            }
        }

        foreach (var (accountId, reason, at) in brokenLinks.Distinct())
        {
            foreach (var breaker in linkBreakers)
            {
                await breaker.MarkBrokenAsync(accountId, reason, at, cancellationToken);
            }
        }

        return batch.Count;
    }

    private ParseResult? Parse(InboxNotification notification) =>
        notification.MessageType is EventSubMessageTypes.Notification or ObservedOffline.MessageType
            ? NotificationParser.Parse(
                notification.SubscriptionType,
                notification.SubscriptionVersion,
                notification.Body,
                notification.MessageTimestamp)
            : null;

    private static async Task<ILookup<(string Broadcaster, string EventKey), AlertRule>> LoadRulesAsync(
        RelayDbContext db,
        List<ParseResult?> parsed,
        CancellationToken cancellationToken)
    {
        var broadcasters = parsed
            .Where(x => x is { Outcome: ParseOutcome.Events })
            .SelectMany(x => x!.Events)
            .Select(x => x.BroadcasterId)
            .Distinct()
            .ToList();
        if (broadcasters.Count == 0)
        {
            return Array.Empty<AlertRule>().ToLookup(_ => (string.Empty, string.Empty));
        }

        var rows = await db.AlertRules
            .Where(rule => rule.Enabled && broadcasters.Contains(rule.Guild!.BroadcasterId))
            .Select(rule => new { rule, rule.Guild!.BroadcasterId })
            .ToListAsync(cancellationToken);

        // A followed channel is posted by the following guild's stream.online rules (go-live posts only).
        var followed = await db.FollowedChannels
            .Where(follow => broadcasters.Contains(follow.BroadcasterId))
            .Join(
                db.AlertRules.Where(rule => rule.Enabled && rule.EventKey == EventKeys.StreamOnline),
                follow => follow.GuildId,
                rule => rule.GuildId,
                (follow, rule) => new { rule, follow.BroadcasterId })
            .ToListAsync(cancellationToken);
        return rows.Concat(followed).ToLookup(x => (x.BroadcasterId, x.rule.EventKey), x => x.rule);
    }

    /// <summary>Adds the deliveries one notification owes; returns how many.</summary>
    private int Plan(
        RelayDbContext db,
        InboxNotification notification,
        ParseResult? result,
        ILookup<(string Broadcaster, string EventKey), AlertRule> rules,
        StreamBatch streamBatch,
        DateTimeOffset now,
        List<(string AccountId, string Reason, DateTimeOffset At)> brokenLinks)
    {
        if (result is null)
        {
            notification.Outcome = notification.MessageType == EventSubMessageTypes.Revocation
                ? revocations.Record(db, notification, brokenLinks)
                : $"ignored: message type '{notification.MessageType}'";
            return 0;
        }

        // Subscriber roles: stored here, in this transaction, and applied by their own worker.
        if (notification.MessageType == EventSubMessageTypes.Notification)
        {
            Roles.Subscribers.SubscriberEvents.Plan(db, notification, now);
        }

        if (notification.SubscriptionType == AuthorizationRevoke && UserOf(notification.Body) is { } revokedUser)
        {
            brokenLinks.Add((revokedUser, "the streamer disconnected TwitchRelay on Twitch",
                notification.MessageTimestamp));
            notification.Outcome = "authorization revoked: link marked broken";
            return 0;
        }

        if (result.Outcome != ParseOutcome.Events)
        {
            notification.Outcome = Describe(notification, result);
            return 0;
        }

        var count = 0;
        string? streamNote = null;
        foreach (var alert in result.Events)
        {
            if (StreamPlanner.Handles(alert.EventKey))
            {
                var liveRules = rules[(alert.BroadcasterId, EventKeys.StreamOnline)];
                count += streams.Plan(db, notification, alert, streamBatch, liveRules, now, out var note);
                streamNote = note;
            }

            // stream.online rules are served by the stream post above; the other keys stay one-off alerts, except
            // for an end the relay noticed late, which owes no "went offline" message.
            if (alert.EventKey == EventKeys.StreamOnline || notification.MessageType == ObservedOffline.MessageType)
            {
                continue;
            }

            foreach (var rule in rules[(alert.BroadcasterId, alert.EventKey)])
            {
                db.Deliveries.Add(DeliveryFactory.Create(notification, alert, rule, now));
                count++;
            }
        }

        var outcome = count switch
        {
            0 => $"no alert rule for {string.Join(", ", result.Events.Select(x => x.EventKey))}",
            1 => "1 delivery",
            _ => $"{count} deliveries",
        };
        notification.Outcome = streamNote is null ? outcome : $"{outcome}; {streamNote}";
        return count;
    }

    /// <summary>Sent when a streamer disconnects the app (webhooks and conduits only).
    /// https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#userauthorizationrevoke</summary>
    private const string AuthorizationRevoke = "user.authorization.revoke";

    private static string? UserOf(string body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.GetProperty("event").GetProperty("user_id").GetString();
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or KeyNotFoundException
            or InvalidOperationException)
        {
            return null;
        }
    }

    private string Describe(InboxNotification notification, ParseResult result)
    {
        switch (result.Outcome)
        {
            case ParseOutcome.Unknown:
                var type = $"{notification.SubscriptionType} v{notification.SubscriptionVersion}";
                if (unknownTypesLogged.TryAdd(type, true))
                {
                    LogUnknownType(type);
                }

                return $"ignored: no alert for {type}";
            case ParseOutcome.Malformed:
                LogMalformed(notification.MessageId, result.Reason ?? "");
                return $"malformed: {result.Reason}";
            default:
                return $"ignored: {result.Reason}";
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await inboxSignal.Signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information,
        Message = "Received EventSub type {Type}, which has no alert; stored and ignored (logged once)")]
    private partial void LogUnknownType(string type);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning,
        Message = "EventSub message {MessageId} could not be read: {Reason}")]
    private partial void LogMalformed(string messageId, string reason);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Dispatching the inbox failed; will try again")]
    private partial void LogBatchFailed(Exception exception);
}
