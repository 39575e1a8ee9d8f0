using System.Threading.Channels;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>The sockets of one EventSub session, from the first connect to the base URL through any number of
/// <c>session_reconnect</c> hand-overs. All their readers feed one channel, read by one loop.</summary>
internal sealed class EventSubWebSocketSessionState : IAsyncDisposable
{
    private readonly List<EventSubSocket> retiring = [];

    public Channel<EventSubSocketEvent> Events { get; } = Channel.CreateUnbounded<EventSubSocketEvent>(
        new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The socket whose welcome made it the session's; null between the old one closing and the
    /// replacement's welcome.</summary>
    public EventSubSocket? Current { get; set; }

    /// <summary>The socket opened at a <c>reconnect_url</c>, until its welcome arrives.</summary>
    public EventSubSocket? Pending { get; set; }

    /// <summary>When the last frame of the current or pending socket arrived.</summary>
    public DateTimeOffset LastReceivedAt { get; set; }

    /// <summary>The silence after which the session counts as dead.</summary>
    public TimeSpan AllowedSilence { get; set; }

    /// <summary>True once subscriptions exist on this session (subscribed, or carried over by a reconnect).</summary>
    public bool IsHealthy { get; set; }

    public bool IsLive(EventSubSocket socket) => socket == Current || socket == Pending;

    /// <summary>Hands an old socket over to be closed; it keeps reading until its close arrives.</summary>
    public void Retire(EventSubSocket socket) => retiring.Add(socket);

    public async Task ForgetAsync(EventSubSocket socket)
    {
        if (retiring.Remove(socket))
        {
            await socket.DisposeAsync();
        }
    }

    /// <summary>Closes every open socket with Normal Closure, waiting a moment for each handshake.</summary>
    public async Task CloseAllAsync(TimeProvider time, TimeSpan timeout)
    {
        var open = new[] { Current, Pending }.OfType<EventSubSocket>().Concat(retiring);
        await Task.WhenAll(open.Select(socket => socket.CloseAsync(time, timeout)));
    }

    public async ValueTask DisposeAsync()
    {
        Events.Writer.TryComplete();
        foreach (var socket in new[] { Current, Pending }.OfType<EventSubSocket>().Concat(retiring))
        {
            await socket.DisposeAsync();
        }

        Current = null;
        Pending = null;
        retiring.Clear();
    }
}
