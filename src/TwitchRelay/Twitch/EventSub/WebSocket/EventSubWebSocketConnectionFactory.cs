namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>Builds a broadcaster's connection from the container's services.</summary>
internal sealed class EventSubWebSocketConnectionFactory(IServiceProvider services)
{
    public EventSubWebSocketConnection Create(string broadcasterId) =>
        ActivatorUtilities.CreateInstance<EventSubWebSocketConnection>(services, broadcasterId);
}
