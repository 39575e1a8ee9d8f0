using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Discord;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using DeliveryRow = TwitchRelay.Storage.Entities.AlertDelivery;

namespace TwitchRelay.Delivery;

/// <summary>One try at one delivery: pick what to send (the newest state of a shared message), send or edit it,
/// and record what Discord answered. Every outcome is stored where the admin can see it.</summary>
public sealed partial class DeliveryAttempt(
    IDbContextFactory<RelayDbContext> contexts,
    DiscordRestClient discord,
    IOptions<DiscordOptions> discordOptions,
    SecretProtector protector,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    DestinationFailureNotices failureNotices,
    ILogger<DeliveryAttempt> logger)
{
    public async Task RunAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var delivery = await db.Deliveries.Include(x => x.Rule).SingleOrDefaultAsync(x => x.Id == deliveryId,
            cancellationToken);
        if (delivery is not { Status: DeliveryStatus.Pending, Rule: not null })
        {
            return;
        }

        var now = time.GetUtcNow();
        ThreadMessage? thread = null;
        if (delivery.ThreadKey is not null)
        {
            (var newest, thread) = await PickNewestStateAsync(db, delivery, now, cancellationToken);
            if (newest is null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            delivery = newest;
        }

        var rule = delivery.Rule!;
        if (delivery.DeletesMessage && thread is null)
        {
            Supersede(delivery, "no message to delete", now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var result = await SendAsync(delivery, rule, thread, cancellationToken);
        var finishedAt = time.GetUtcNow();
        Apply(db, delivery, rule, thread, result, finishedAt);
        await db.SaveChangesAsync(cancellationToken);
        if (!rule.Enabled)
        {
            await FailPendingOfRuleAsync(db, rule, finishedAt, cancellationToken);
        }

        if (delivery is { Status: DeliveryStatus.Failed, LastError: { } reason } && reason != NoBotTokenReason)
        {
            await failureNotices.TellAsync(rule, reason, cancellationToken);
        }
    }

    /// <summary>A rule switched off because its destination is gone takes its queued deliveries with it, with the
    /// same reason, instead of sending each one into the same 404.</summary>
    private static Task FailPendingOfRuleAsync(
        RelayDbContext db,
        AlertRule rule,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(x => x.RuleId == rule.Id && x.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(x => x.Status, DeliveryStatus.Failed)
                    .SetProperty(x => x.LastError, rule.DisabledReason)
                    .SetProperty(x => x.CompletedAt, now),
                cancellationToken);

    /// <summary>Of all pending states of one poll (prediction, goal, hype train) in one destination, only the newest
    /// is sent; the others are superseded. Nothing is sent when the message already shows a newer state, which
    /// happens because Twitch does not promise order (https://dev.twitch.tv/docs/eventsub/#handling-duplicate-events).
    /// </summary>
    private static async Task<(DeliveryRow? Delivery, ThreadMessage? Thread)> PickNewestStateAsync(
        RelayDbContext db,
        DeliveryRow delivery,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var siblings = await db.Deliveries
            .Include(x => x.Rule)
            .Where(x => x.LaneKey == delivery.LaneKey
                && x.ThreadKey == delivery.ThreadKey
                && x.Status == DeliveryStatus.Pending)
            .ToListAsync(cancellationToken);
        var newest = siblings
            .OrderByDescending(x => x.ThreadStage)
            .ThenByDescending(x => x.EventTime)
            .ThenByDescending(x => x.Id)
            .First();
        foreach (var older in siblings.Where(x => x.Id != newest.Id))
        {
            Supersede(older, $"replaced by a newer state (delivery {newest.Id})", now);
        }

        var thread = await db.ThreadMessages.SingleOrDefaultAsync(
            x => x.LaneKey == delivery.LaneKey && x.ThreadKey == delivery.ThreadKey,
            cancellationToken);
        if (thread is not null && IsNotNewer(newest, thread))
        {
            Supersede(newest, "the message already shows a newer state", now);
            return (null, thread);
        }

        if (thread is null && !newest.DeletesMessage)
        {
            // This state creates the message, so it pings for the first state it replaces (a go-live overtaken by
            // a title change). Stored, so a retry of the create keeps them too.
            newest.Body = CreatedMessageMentions.Keep(newest.Body, siblings.Where(x => x.Id != newest.Id)
                .Select(x => x.Body));
        }

        return (newest, thread);
    }

    private static bool IsNotNewer(DeliveryRow delivery, ThreadMessage shown) =>
        (delivery.ThreadStage, delivery.EventTime, delivery.Id).CompareTo(
            (shown.ShownStage, shown.ShownEventTime, shown.ShownDeliveryId)) <= 0;

    private static void Supersede(DeliveryRow delivery, string reason, DateTimeOffset now)
    {
        delivery.Status = DeliveryStatus.Superseded;
        delivery.LastError = reason;
        delivery.CompletedAt = now;
    }

    private async Task<DiscordResult> SendAsync(
        DeliveryRow delivery,
        AlertRule rule,
        ThreadMessage? thread,
        CancellationToken cancellationToken)
    {
        DiscordTarget target;
        if (rule.ChannelId is not null)
        {
            if (!discordOptions.Value.HasBotToken)
            {
                LogNotPosted(delivery.EventKey, rule.ChannelId, delivery.Body);
                return new DiscordFailed(NoBotTokenReason, null, null);
            }

            target = new ChannelTarget(rule.ChannelId);
        }
        else
        {
            target = new WebhookTarget(rule.WebhookId!, protector.Unprotect(rule.ProtectedWebhookToken!));
        }

        if (thread is null)
        {
            return await CreateAsync(target, delivery, cancellationToken);
        }

        if (delivery.DeletesMessage)
        {
            var deleted = await discord.DeleteMessageAsync(target, thread.DiscordMessageId, cancellationToken);
            return deleted is DiscordFailed { IsUnknownMessage: true }
                ? new DiscordDelivered(thread.DiscordMessageId)
                : deleted;
        }

        var edited = await discord.EditMessageAsync(target, thread.DiscordMessageId, delivery.Body, cancellationToken);
        if (edited is DiscordFailed { IsUnknownMessage: true })
        {
            // Someone deleted the message: show the current state in a new one rather than nowhere.
            return await CreateAsync(target, delivery, cancellationToken);
        }

        return edited;
    }

    /// <summary>The text shown in the activity view when alerts are rendered but cannot be posted.</summary>
    public const string NoBotTokenReason = "not posted: Discord:BotToken is not set";

    /// <summary>Only bot posts carry the nonce: webhooks have no server-side dedupe.</summary>
    private Task<DiscordResult> CreateAsync(DiscordTarget target, DeliveryRow delivery, CancellationToken token) =>
        discord.CreateMessageAsync(target, delivery.Body, target is ChannelTarget ? delivery.Nonce : null, token);

    private void Apply(
        RelayDbContext db,
        DeliveryRow delivery,
        AlertRule rule,
        ThreadMessage? thread,
        DiscordResult result,
        DateTimeOffset now)
    {
        delivery.Attempts++;
        switch (result)
        {
            case DiscordDelivered delivered:
                delivery.Status = DeliveryStatus.Delivered;
                delivery.DiscordMessageId = delivered.MessageId;
                delivery.LastError = null;
                delivery.CompletedAt = now;
                if (delivery.DeletesMessage && thread is not null)
                {
                    // The message is gone: a later state of the thread (a stream back within the grace) posts anew.
                    db.ThreadMessages.Remove(thread);
                }
                else
                {
                    RecordShownState(db, delivery, thread, delivered.MessageId);
                }

                LogDelivered(delivery.Id, delivery.EventKey, delivery.LaneKey, delivered.MessageId);
                break;
            case DiscordRetryLater retry when delivery.Attempts < options.Value.MaxAttempts:
                delivery.LastError = retry.Reason;
                delivery.NextAttemptAt = now + RetryBackoff.Delay(delivery.Attempts, options.Value, retry.After);
                LogRetry(delivery.Id, delivery.LaneKey, delivery.NextAttemptAt, retry.Reason);
                break;
            case DiscordRetryLater retry:
                Fail(delivery, $"gave up after {delivery.Attempts} attempts: {retry.Reason}", now);
                break;
            case DiscordFailed failed:
                Fail(delivery, Explain(failed), now);
                if (failed.IsUnknownChannel || failed.IsUnknownWebhook)
                {
                    DisableRule(rule, Explain(failed));
                }

                break;
        }
    }

    /// <summary>The reason as the admin reads it, with Discord's code for looking it up.</summary>
    private static string Explain(DiscordFailed failed) =>
        failed.DiscordCode is { } code
        && !failed.Reason.Contains(code.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? $"{failed.Reason} (Discord error {code})"
            : failed.Reason;

    private void Fail(DeliveryRow delivery, string reason, DateTimeOffset now)
    {
        delivery.Status = DeliveryStatus.Failed;
        delivery.LastError = reason;
        delivery.CompletedAt = now;
        if (reason == NoBotTokenReason)
        {
            return;
        }

        LogFailed(delivery.Id, delivery.EventKey, delivery.LaneKey, reason);
    }

    /// <summary>A deleted channel or webhook will answer 404 forever, and repeated 404s count towards Discord's
    /// invalid-request ban
    /// (https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans):
    /// stop using it until the admin fixes the rule.</summary>
    private void DisableRule(AlertRule rule, string reason)
    {
        rule.Enabled = false;
        rule.DisabledReason = reason;
        LogRuleDisabled(rule.Id, rule.GuildId, rule.EventKey, reason);
    }

    private static void RecordShownState(
        RelayDbContext db,
        DeliveryRow delivery,
        ThreadMessage? thread,
        string messageId)
    {
        if (delivery.ThreadKey is null)
        {
            return;
        }

        if (thread is null)
        {
            thread = new ThreadMessage
            {
                GuildId = delivery.GuildId,
                LaneKey = delivery.LaneKey,
                ThreadKey = delivery.ThreadKey,
                DiscordMessageId = messageId,
            };
            db.ThreadMessages.Add(thread);
        }

        thread.DiscordMessageId = messageId;
        thread.ShownStage = delivery.ThreadStage;
        thread.ShownEventTime = delivery.EventTime;
        thread.ShownDeliveryId = delivery.Id;
    }

    [LoggerMessage(EventId = 2430, Level = LogLevel.Information,
        Message = "Delivered {DeliveryId} ({EventKey}) to {Lane} as message {MessageId}")]
    private partial void LogDelivered(long deliveryId, string eventKey, string lane, string messageId);

    [LoggerMessage(EventId = 2431, Level = LogLevel.Warning,
        Message = "Delivery {DeliveryId} to {Lane} will be retried at {NextAttemptAt}: {Reason}")]
    private partial void LogRetry(long deliveryId, string lane, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = 2432, Level = LogLevel.Error,
        Message = "Delivery {DeliveryId} ({EventKey}) to {Lane} failed: {Reason}")]
    private partial void LogFailed(long deliveryId, string eventKey, string lane, string reason);

    [LoggerMessage(EventId = 2433, Level = LogLevel.Information,
        Message = "Would post {EventKey} to channel {ChannelId} (Discord:BotToken is not set): {Message}")]
    private partial void LogNotPosted(string eventKey, string channelId, string message);

    [LoggerMessage(EventId = 2434, Level = LogLevel.Error,
        Message = "Disabled alert rule {RuleId} ({EventKey}) of guild {GuildId}: {Reason}")]
    private partial void LogRuleDisabled(long ruleId, string guildId, string eventKey, string reason);
}
