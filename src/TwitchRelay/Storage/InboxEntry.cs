namespace TwitchRelay.Storage;

/// <summary>What the intake hands to <see cref="InboxWriter"/>: a verified message, not yet parsed.</summary>
public sealed record InboxEntry(
    string MessageId,
    string MessageType,
    string SubscriptionType,
    string SubscriptionVersion,
    DateTimeOffset MessageTimestamp,
    string Body);
