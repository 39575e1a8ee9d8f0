namespace TwitchRelay.Tests.Twitch.WebSocket;

/// <summary>Payloads shaped like those in shared/twitch/payloads/transport/websocket_messages.json.</summary>
internal static class EventSubPayloads
{
    public static string Follow(string sessionId, string userLogin = "pixel_wanderer") => $$$"""
        {"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"enabled","type":"channel.follow",
        "version":"2","cost":0,"condition":{"broadcaster_user_id":"583920147","moderator_user_id":"583920147"},
        "transport":{"method":"websocket","session_id":"{{{sessionId}}}"},
        "created_at":"2026-11-20T09:14:51.381204557Z"},
        "event":{"user_id":"702341856","user_login":"{{{userLogin}}}","user_name":"Pixel_Wanderer",
        "broadcaster_user_id":"583920147","broadcaster_user_login":"ember_hollow",
        "broadcaster_user_name":"Ember_Hollow",
        "followed_at":"2026-11-28T19:04:11.17106713Z"}}
        """;

    public static string FollowRevoked(string sessionId) => $$$"""
        {"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"authorization_revoked",
        "type":"channel.follow","version":"2","cost":0,
        "condition":{"broadcaster_user_id":"583920147","moderator_user_id":"583920147"},
        "transport":{"method":"websocket","session_id":"{{{sessionId}}}"},
        "created_at":"2026-11-20T09:14:51.381204557Z"}}
        """;
}
