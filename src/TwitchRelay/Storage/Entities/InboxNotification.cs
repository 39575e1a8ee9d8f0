namespace TwitchRelay.Storage.Entities;

/// <summary>One signed EventSub message as Twitch sent it, stored before the intake answers 2xx.
/// <see cref="MessageId"/> is unique: it is the dedupe key Twitch asks for
/// (https://dev.twitch.tv/docs/eventsub/#handling-duplicate-events).</summary>
public sealed class InboxNotification
{
    public long Id { get; set; }

    public required string MessageId { get; set; }

    /// <summary><c>notification</c> or <c>revocation</c>.</summary>
    public required string MessageType { get; set; }

    public required string SubscriptionType { get; set; }

    public required string SubscriptionVersion { get; set; }

    public DateTimeOffset MessageTimestamp { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The raw JSON body, byte for byte as signed, decoded as UTF-8.</summary>
    public required string Body { get; set; }

    /// <summary>Set by the dispatcher once the deliveries it owes are stored.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What the dispatcher made of it, for the activity view: "2 deliveries", "no alert rule", …</summary>
    public string? Outcome { get; set; }
}
