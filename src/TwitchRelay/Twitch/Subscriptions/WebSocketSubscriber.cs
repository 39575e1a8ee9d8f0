using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.EventSub.WebSocket;

namespace TwitchRelay.Twitch.Subscriptions;

/// <summary>Creates an account's subscriptions on a fresh WebSocket session, and remembers the session so a later
/// rule change can be applied to it.</summary>
public sealed class WebSocketSubscriber(SubscriptionReconciler reconciler, EventSubReconnects reconnects)
    : IEventSubSessionSubscriber
{
    private readonly Dictionary<string, string> sessions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public async Task SubscribeAsync(string broadcasterId, string sessionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            sessions[broadcasterId] = sessionId;
        }

        await reconciler.ReconcileWebSocketAsync(broadcasterId, sessionId, cancellationToken);
        reconnects.Signal.Notify();
    }

    public void SessionMoved(string broadcasterId, string sessionId)
    {
        lock (gate)
        {
            sessions[broadcasterId] = sessionId;
        }
    }

    public IReadOnlyDictionary<string, string> Sessions
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, string>(sessions);
            }
        }
    }
}
