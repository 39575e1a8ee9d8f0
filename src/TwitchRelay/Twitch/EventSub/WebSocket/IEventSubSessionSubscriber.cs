namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>Creates an account's EventSub subscriptions on a WebSocket session. Twitch closes a session that has
/// none within 10 s of its welcome (close code 4003), and subscriptions die with the session, so this runs after every
/// welcome that is not a reconnect. https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#welcome-message
/// </summary>
public interface IEventSubSessionSubscriber
{
    Task SubscribeAsync(string broadcasterId, string sessionId, CancellationToken cancellationToken);

    /// <summary>After a <c>session_reconnect</c> the subscriptions carry over to the new socket's session; later
    /// changes must be made on that one.</summary>
    void SessionMoved(string broadcasterId, string sessionId)
    {
    }
}

/// <summary>The Twitch accounts that should have a WebSocket connection now (linked and healthy), and a signal for
/// when that set changes (link, re-link, un-link, a broken token).</summary>
public interface IEventSubAccountSource
{
    Task<IReadOnlyList<string>> GetBroadcasterIdsAsync(CancellationToken cancellationToken);

    /// <summary>Completes the next time the set may have changed.</summary>
    Task WaitForChangeAsync(CancellationToken cancellationToken);
}
