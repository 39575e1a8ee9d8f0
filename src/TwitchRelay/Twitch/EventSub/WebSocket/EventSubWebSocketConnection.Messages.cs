using System.Data.Common;
using System.Net.WebSockets;
using TwitchRelay.Storage;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>What each kind of frame, and the end of a socket, does to the session.</summary>
internal sealed partial class EventSubWebSocketConnection
{
    /// <summary>A welcome on the first socket starts a fresh session, which has no subscriptions: create them at
    /// once, since Twitch closes an unused session after 10 s (4003). A welcome on a socket opened for
    /// <c>session_reconnect</c> ends the hand-over: the subscriptions carried over, so nothing is created, and only
    /// now is the old socket closed, after every frame it delivered before this one was handled.
    /// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#welcome-message</summary>
    private async Task<Next> HandleWelcomeAsync(
        EventSubWebSocketSessionState state,
        EventSubSocket socket,
        EventSubWebSocketFrame frame,
        CancellationToken cancellationToken)
    {
        if (frame.Session is not { } session || socket.SessionId is not null || !state.IsLive(socket))
        {
            LogUnexpectedWelcome(BroadcasterId, socket.Number);
            return Next.Continue;
        }

        socket.SessionId = session.Id;
        var seconds = session.KeepaliveTimeoutSeconds ?? DefaultKeepaliveSeconds;
        state.AllowedSilence = TimeSpan.FromSeconds(seconds) + tuning.KeepaliveGrace;
        if (socket == state.Pending)
        {
            var old = state.Current;
            state.Current = socket;
            state.Pending = null;
            state.IsHealthy = true;
            LogReconnected(BroadcasterId, old?.SessionId, session.Id);
            subscriber.SessionMoved(BroadcasterId, session.Id);
            if (old is not null)
            {
                state.Retire(old);
                await old.SendCloseAsync(time, tuning.CloseTimeout);
            }

            return Next.Continue;
        }

        LogWelcome(BroadcasterId, session.Id, seconds);
        try
        {
            await subscriber.SubscribeAsync(BroadcasterId, session.Id, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            LogSubscribeFailed(exception, BroadcasterId, session.Id);
            return Next.End;
        }

        state.IsHealthy = true;
        LogSubscribed(BroadcasterId, session.Id);
        return Next.Continue;
    }

    /// <summary>Open <c>reconnect_url</c> exactly as given (it carries Twitch's own token) and keep reading the old
    /// socket: notifications may still arrive on it until the new socket's welcome.
    /// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#reconnect-message</summary>
    private async Task<Next> HandleReconnectAsync(
        EventSubWebSocketSessionState state,
        EventSubSocket socket,
        EventSubWebSocketFrame frame,
        CancellationToken cancellationToken)
    {
        if (socket != state.Current || state.Pending is not null)
        {
            LogUnexpectedReconnect(BroadcasterId, socket.Number);
            return Next.Continue;
        }

        if (!Uri.TryCreate(frame.Session?.ReconnectUrl, UriKind.Absolute, out var url)
            || url.Scheme is not ("ws" or "wss"))
        {
            LogBadReconnectUrl(BroadcasterId, socket.SessionId);
            return Next.End;
        }

        LogReconnectRequested(BroadcasterId, socket.SessionId, url.Host);
        try
        {
            state.Pending = await EventSubSocket.ConnectAsync(
                url, state.Events.Writer, time, tuning.ConnectTimeout, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is WebSocketException or HttpRequestException or OperationCanceledException)
        {
            LogReconnectFailed(exception, BroadcasterId, socket.SessionId);
            return Next.End;
        }

        return Next.Continue;
    }

    /// <summary>A socket ended. The old socket of a hand-over ends by design; the session's own socket ends the
    /// session, unless its replacement is already open and may still be welcomed.
    /// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#close-message</summary>
    private async Task<Next> HandleEndAsync(EventSubWebSocketSessionState state, EventSubSocketEvent end)
    {
        var socket = end.Socket;
        if (!state.IsLive(socket))
        {
            await state.ForgetAsync(socket);
            return Next.Continue;
        }

        LogEnd(end);
        if (socket == state.Current)
        {
            state.Current = null;
            state.Retire(socket);
            return state.Pending is null ? Next.End : Next.Continue;
        }

        // The replacement died before its welcome: Twitch will close the old socket with 4004 anyway, so start over.
        state.Pending = null;
        state.Retire(socket);
        return Next.End;
    }

    /// <summary>Stores a notification or revocation exactly as the webhook intake would: the payload is the body,
    /// the metadata gives the headers' values, and the inbox skips a message id it already has.
    /// https://dev.twitch.tv/docs/eventsub/#handling-duplicate-events</summary>
    private async Task StoreAsync(EventSubWebSocketFrame frame, CancellationToken cancellationToken)
    {
        if (frame.SubscriptionType is null || frame.SubscriptionVersion is null
            || !EventSubTimestamp.TryParse(frame.Timestamp, out var sentAt))
        {
            LogMalformedMessage(BroadcasterId, frame.MessageId, frame.MessageType);
            return;
        }

        var entry = new InboxEntry(
            frame.MessageId,
            frame.MessageType,
            frame.SubscriptionType,
            frame.SubscriptionVersion,
            sentAt,
            frame.PayloadJson);
        try
        {
            var isNew = await inbox.AppendAsync(entry, cancellationToken);
            LogStored(BroadcasterId, frame.MessageType, frame.MessageId, frame.SubscriptionType, isNew);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // Twitch does not resend over a WebSocket: this message is gone, and the log is where an operator sees it.
            LogStoreFailed(exception, BroadcasterId, frame.MessageId, frame.SubscriptionType);
        }
    }

    private void LogEnd(EventSubSocketEvent end)
    {
        var sessionId = end.Socket.SessionId;
        if (end.CloseCode is { } code && EventSubCloseCodes.IsOurFault(code))
        {
            LogClosedByOurFault(BroadcasterId, sessionId, code, EventSubCloseCodes.Describe(code));
        }
        else if (end.CloseCode is { } other)
        {
            LogClosed(BroadcasterId, sessionId, other, EventSubCloseCodes.Describe(other), end.CloseDescription);
        }
        else
        {
            LogLost(end.Error, BroadcasterId, sessionId);
        }
    }
}
