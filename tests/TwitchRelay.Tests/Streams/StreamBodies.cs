using System.Globalization;

namespace TwitchRelay.Tests.Streams;

/// <summary>stream.online, stream.offline and channel.update bodies as Twitch sends them
/// (https://dev.twitch.tv/docs/eventsub/eventsub-reference/), for any channel, stream id and time.</summary>
internal static class StreamBodies
{
    public const string BroadcasterId = "583920147";
    public const string Login = "ember_hollow";
    public const string Name = "Ember_Hollow";

    public static string Online(
        string streamId,
        DateTimeOffset startedAt,
        string broadcasterId = BroadcasterId,
        string login = Login,
        string name = Name) =>
        Body("stream.online", "1", broadcasterId, $$"""
            "id": "{{streamId}}", "broadcaster_user_id": "{{broadcasterId}}",
            "broadcaster_user_login": "{{login}}", "broadcaster_user_name": "{{name}}",
            "type": "live", "started_at": "{{startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'",
                CultureInfo.InvariantCulture)}}"
            """);

    public static string Offline(string broadcasterId = BroadcasterId, string login = Login, string name = Name) =>
        Body("stream.offline", "1", broadcasterId, $$"""
            "broadcaster_user_id": "{{broadcasterId}}",
            "broadcaster_user_login": "{{login}}", "broadcaster_user_name": "{{name}}"
            """);

    public static string Update(string title, string category, string broadcasterId = BroadcasterId) =>
        Body("channel.update", "2", broadcasterId, $$"""
            "broadcaster_user_id": "{{broadcasterId}}",
            "broadcaster_user_login": "{{Login}}", "broadcaster_user_name": "{{Name}}",
            "title": "{{title}}", "language": "en", "category_id": "509658", "category_name": "{{category}}",
            "content_classification_labels": []
            """);

    private static string Body(string type, string version, string broadcasterId, string eventJson) =>
        $$"""
        { "subscription": { "id": "{{Guid.NewGuid()}}", "status": "enabled", "type": "{{type}}",
            "version": "{{version}}", "cost": 0, "condition": { "broadcaster_user_id": "{{broadcasterId}}" },
            "transport": { "method": "webhook", "callback": "https://alerts.example.org/twitch/eventsub" },
            "created_at": "2026-11-20T09:14:51.381204557Z" },
          "event": { {{eventJson}} } }
        """;
}
