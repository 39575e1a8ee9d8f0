using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

internal interface INotificationHandler
{
    ParseResult Parse(EventSubType type, string body, DateTimeOffset messageTimestamp);
}

/// <summary>Reads the body as <typeparamref name="TEvent"/> and maps the event to alerts.</summary>
internal sealed class NotificationHandler<TEvent>(
    JsonTypeInfo<EventSubNotification<TEvent>> typeInfo,
    Func<TEvent, DateTimeOffset, ParseResult> map) : INotificationHandler
    where TEvent : class, ITwitchEvent
{
    public ParseResult Parse(EventSubType type, string body, DateTimeOffset messageTimestamp)
    {
        EventSubNotification<TEvent>? notification;
        try
        {
            notification = JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            return ParseResult.Malformed($"{type.Type} v{type.Version}: invalid JSON: {ex.Message}");
        }

        if (notification?.Event is not { } twitchEvent)
        {
            return ParseResult.Malformed($"{type.Type} v{type.Version}: the body has no event object.");
        }

        // The header and the body must agree; a mismatch means the caller routed the body wrongly.
        if (notification.Subscription?.Type is { } bodyType && bodyType != type.Type)
        {
            return ParseResult.Malformed($"The body is a {bodyType} notification, not {type.Type}.");
        }

        return map(twitchEvent, messageTimestamp);
    }
}
