namespace TwitchRelay.Twitch.EventSub;

/// <summary>The headers of an EventSub webhook request. HTTP header names are case-insensitive, and ASP.NET Core's
/// header dictionary compares them so.
/// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#list-of-request-headers
/// </summary>
public static class EventSubHeaders
{
    public const string MessageId = "Twitch-Eventsub-Message-Id";
    public const string MessageRetry = "Twitch-Eventsub-Message-Retry";
    public const string MessageType = "Twitch-Eventsub-Message-Type";
    public const string MessageSignature = "Twitch-Eventsub-Message-Signature";
    public const string MessageTimestamp = "Twitch-Eventsub-Message-Timestamp";
    public const string SubscriptionType = "Twitch-Eventsub-Subscription-Type";
    public const string SubscriptionVersion = "Twitch-Eventsub-Subscription-Version";
}

/// <summary>Values of <see cref="EventSubHeaders.MessageType"/>.</summary>
public static class EventSubMessageTypes
{
    public const string Notification = "notification";
    public const string Verification = "webhook_callback_verification";
    public const string Revocation = "revocation";
}
