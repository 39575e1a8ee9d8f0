namespace TwitchRelay.Storage.Entities;

/// <summary>A subscription Twitch revoked, with its reason (<c>authorization_revoked</c>, <c>user_removed</c>,
/// <c>notification_failures_exceeded</c>, <c>version_removed</c>).
/// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#revoking-your-subscription</summary>
public sealed class EventSubRevocation
{
    public long Id { get; set; }

    public required string SubscriptionId { get; set; }

    public required string SubscriptionType { get; set; }

    public required string SubscriptionVersion { get; set; }

    public required string Reason { get; set; }

    /// <summary>The subscription's condition as JSON, to find the broadcaster it was for.</summary>
    public required string Condition { get; set; }

    public DateTimeOffset RevokedAt { get; set; }
}
