using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
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
        var now = time.GetUtcNow();
        var owed = 0;
        var brokenLinks = new List<(string AccountId, string Reason, DateTimeOffset At)>();
        foreach (var (notification, result) in batch.Zip(parsed))
        {
            owed += Plan(db, notification, result, rules, now, brokenLinks);
            notification.ProcessedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (owed > 0)
        {
            outboxSignal.Signal.Notify();
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
        notification.MessageType == EventSubMessageTypes.Notification
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
        return rows.ToLookup(x => (x.BroadcasterId, x.rule.EventKey), x => x.rule);
    }

    /// <summary>Adds the deliveries one notification owes; returns how many.</summary>
    private int Plan(
        RelayDbContext db,
        InboxNotification notification,
        ParseResult? result,
        ILookup<(string Broadcaster, string EventKey), AlertRule> rules,
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
        foreach (var alert in result.Events)
        {
            foreach (var rule in rules[(alert.BroadcasterId, alert.EventKey)])
            {
                db.Deliveries.Add(DeliveryFactory.Create(notification, alert, rule, now));
                count++;
            }
        }

        notification.Outcome = count switch
        {
            0 => $"no alert rule for {string.Join(", ", result.Events.Select(x => x.EventKey))}",
            1 => "1 delivery",
            _ => $"{count} deliveries",
        };
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
