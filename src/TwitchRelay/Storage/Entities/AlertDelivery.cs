namespace TwitchRelay.Storage.Entities;

/// <summary>One message (or edit) owed to one destination for one notification: the outbox row.</summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }

    public long InboxId { get; set; }

    public long RuleId { get; set; }

    public required string GuildId { get; set; }

    public required string EventKey { get; set; }

    /// <summary>The destination (see <see cref="AlertRule.LaneKey"/>).</summary>
    public required string LaneKey { get; set; }

    /// <summary>Set for events that share one Discord message (a poll, prediction, goal or hype train).</summary>
    public string? ThreadKey { get; set; }

    /// <summary>begin 0 &lt; progress 1 &lt; lock 2 &lt; end: a later stage always wins over an earlier one.</summary>
    public int ThreadStage { get; set; }

    /// <summary>Twitch's message timestamp: orders two states of the same stage.</summary>
    public DateTimeOffset EventTime { get; set; }

    /// <summary>Deletes the thread's message instead of posting or editing it (a stream.online rule whose offline
    /// action is <c>delete</c>); <see cref="Body"/> is then empty.</summary>
    public bool DeletesMessage { get; set; }

    /// <summary>The rendered Discord message JSON.</summary>
    public required string Body { get; set; }

    /// <summary>Stable per delivery, so a retried POST is recognised by Discord (<c>enforce_nonce</c>).</summary>
    public required string Nonce { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public string? DiscordMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public InboxNotification? Inbox { get; set; }

    public AlertRule? Rule { get; set; }
}
