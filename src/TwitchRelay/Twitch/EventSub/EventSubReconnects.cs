using TwitchRelay.Storage;

namespace TwitchRelay.Twitch.EventSub;

/// <summary>Signalled whenever an EventSub WebSocket session has (re)subscribed: whatever happened while it was
/// down was never delivered (Twitch does not replay on that transport), so state derived from events (the live
/// role) is reconciled. https://dev.twitch.tv/docs/eventsub/handling-websocket-events/</summary>
public sealed class EventSubReconnects
{
    public WorkSignal Signal { get; } = new();
}
