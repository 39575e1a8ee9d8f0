using System.Text.Json.Nodes;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery.Streams;

/// <summary>The stream.offline of a stream whose real one never came (the relay was down as it ended, or a
/// WebSocket dropped it), written by <see cref="StreamStateReconciler"/> once Get Streams has stopped listing the
/// stream. It is an inbox row shaped like Twitch's notification under a message type Twitch never sends, so the
/// dispatcher, the only writer of stream states, ends the post as a real offline would (each rule's offline action,
/// the VOD search, the live role), except that the post says "ended after a while" (when is not known) and no
/// separate "went offline" message is posted late.</summary>
internal static class ObservedOffline
{
    public const string MessageType = "relay.observed_offline";

    /// <summary>One per post and stream id, so two passes that both notice it store it once.</summary>
    public static string MessageIdFor(StreamState state) =>
        $"relay:observed-offline:{state.BroadcasterId}:{state.Session}:{state.StreamId}";

    /// <summary>The row is dated at the stream's last sign of life (its start or last title change), not when the end
    /// was noticed: that is the latest it can be said to have ended, so a new stream that started meanwhile is not
    /// taken for an older one, and the offline grace counts from there, as after a missed offline.</summary>
    public static InboxNotification Create(StreamState state, DateTimeOffset noticedAt)
    {
        var body = new JsonObject
        {
            ["subscription"] = new JsonObject
            {
                ["id"] = MessageIdFor(state),
                ["status"] = "enabled",
                ["type"] = "stream.offline",
                ["version"] = "1",
                ["cost"] = 0,
                ["condition"] = new JsonObject { ["broadcaster_user_id"] = state.BroadcasterId },
            },
            ["event"] = new JsonObject
            {
                ["broadcaster_user_id"] = state.BroadcasterId,
                ["broadcaster_user_login"] = state.Login,
                ["broadcaster_user_name"] = state.DisplayName,
            },
        };
        return new InboxNotification
        {
            MessageId = MessageIdFor(state),
            MessageType = MessageType,
            SubscriptionType = "stream.offline",
            SubscriptionVersion = "1",
            MessageTimestamp = StreamPlanner.LastSeenLive(state),
            ReceivedAt = noticedAt,
            Body = body.ToJsonString(),
        };
    }
}
