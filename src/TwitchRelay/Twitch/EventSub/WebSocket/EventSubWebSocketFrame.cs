using System.Text.Json;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>Values of <c>metadata.message_type</c> on the WebSocket transport.
/// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/</summary>
internal static class EventSubWebSocketMessageTypes
{
    public const string Welcome = "session_welcome";
    public const string Keepalive = "session_keepalive";
    public const string Reconnect = "session_reconnect";
    public const string Notification = EventSubMessageTypes.Notification;
    public const string Revocation = EventSubMessageTypes.Revocation;
}

/// <summary>The <c>payload.session</c> object of a welcome or reconnect message.</summary>
internal sealed record EventSubWebSocketSession(string Id, int? KeepaliveTimeoutSeconds, string? ReconnectUrl);

/// <summary>One text frame from Twitch: <c>{metadata:{…}, payload:{…}}</c>. <see cref="PayloadJson"/> is the
/// payload's exact text, which for a notification or revocation is what a webhook body looks like.
/// https://dev.twitch.tv/docs/eventsub/websocket-reference/</summary>
internal sealed record EventSubWebSocketFrame(
    string MessageId,
    string MessageType,
    string Timestamp,
    string? SubscriptionType,
    string? SubscriptionVersion,
    string PayloadJson,
    EventSubWebSocketSession? Session)
{
    /// <summary>Null when the text is not a frame Twitch would send (not JSON, or no id, type or payload).</summary>
    public static EventSubWebSocketFrame? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("metadata", out var metadata)
                || metadata.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("payload", out var payload)
                || payload.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var messageId = StringOf(metadata, "message_id");
            var messageType = StringOf(metadata, "message_type");
            if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(messageType))
            {
                return null;
            }

            payload.TryGetProperty("subscription", out var subscription);
            return new EventSubWebSocketFrame(
                messageId,
                messageType,
                StringOf(metadata, "message_timestamp") ?? "",
                StringOf(metadata, "subscription_type") ?? StringOf(subscription, "type"),
                StringOf(metadata, "subscription_version") ?? StringOf(subscription, "version"),
                payload.GetRawText(),
                SessionOf(payload));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EventSubWebSocketSession? SessionOf(JsonElement payload)
    {
        if (!payload.TryGetProperty("session", out var session) || session.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var id = StringOf(session, "id");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        int? keepalive = session.TryGetProperty("keepalive_timeout_seconds", out var seconds)
            && seconds.ValueKind == JsonValueKind.Number
            && seconds.TryGetInt32(out var value)
                ? value
                : null;
        return new EventSubWebSocketSession(id, keepalive, StringOf(session, "reconnect_url"));
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
