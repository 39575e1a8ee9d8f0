namespace TwitchRelay.Alerts;

/// <summary>Turns an EventSub notification body into product alerts.</summary>
public static class NotificationParser
{
    /// <summary>Parses one notification. Never throws on bad input: bad JSON or a missing event comes back as
    /// <see cref="ParseOutcome.Malformed"/>.</summary>
    /// <param name="subscriptionType">From the <c>Twitch-Eventsub-Subscription-Type</c> header or frame metadata.
    /// </param>
    /// <param name="subscriptionVersion">The version subscribed to; Twitch's own samples sometimes show another.
    /// </param>
    /// <param name="body">The raw notification body, <c>{subscription, event}</c>.</param>
    /// <param name="messageTimestamp">The message's timestamp, used when the event carries no time of its own.
    /// </param>
    public static ParseResult Parse(
        string subscriptionType,
        string subscriptionVersion,
        string body,
        DateTimeOffset messageTimestamp)
    {
        ArgumentNullException.ThrowIfNull(subscriptionType);
        ArgumentNullException.ThrowIfNull(subscriptionVersion);
        ArgumentNullException.ThrowIfNull(body);

        var type = new EventSubType(subscriptionType, subscriptionVersion);
        if (!NotificationHandlers.All.TryGetValue(type, out var handler))
        {
            return ParseResult.Unknown($"No alert is made from {subscriptionType} v{subscriptionVersion}.");
        }

        return handler.Parse(type, body, messageTimestamp);
    }
}
