using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>The EventSub WebSocket of one broadcaster, kept up until cancelled: connect, subscribe on each fresh
/// session, store notifications and revocations in the inbox, follow <c>session_reconnect</c> without losing a
/// frame, and reconnect (with back-off) whenever the session dies.
/// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/</summary>
internal sealed partial class EventSubWebSocketConnection(
    string broadcasterId,
    IEventSubSessionSubscriber subscriber,
    InboxWriter inbox,
    IOptions<EventSubOptions> options,
    EventSubWebSocketTuning tuning,
    TimeProvider time,
    ILogger<EventSubWebSocketConnection> logger)
{
    /// <summary>Twitch's default window, used when a welcome names none.</summary>
    private const int DefaultKeepaliveSeconds = 10;

    private enum Next
    {
        Continue,
        End,
    }

    public string BroadcasterId { get; } = broadcasterId;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then closes with Normal Closure.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var healthy = await RunGuardedSessionAsync(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            failures = healthy ? 1 : failures + 1;
            var delay = tuning.BackoffFor(failures, Random.Shared);
            LogReconnectScheduled(BroadcasterId, delay, failures);
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(BroadcasterId);
    }

    private async Task<bool> RunGuardedSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RunSessionAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            // A bug of ours must not stop this broadcaster's alerts for good: log it whole, back off, start over.
            LogSessionFailed(exception, BroadcasterId);
            return false;
        }
    }

    /// <summary>One session: returns when it is over, true when it had subscriptions (so the back-off restarts).
    /// </summary>
    private async Task<bool> RunSessionAsync(CancellationToken cancellationToken)
    {
        await using var state = new EventSubWebSocketSessionState();
        var url = new Uri(options.Value.WebSocketUrl);
        try
        {
            state.Current = await EventSubSocket.ConnectAsync(
                url, state.Events.Writer, time, tuning.ConnectTimeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or HttpRequestException)
        {
            LogConnectFailed(exception, BroadcasterId, url.Host);
            return false;
        }

        LogConnected(BroadcasterId, url.Host, state.Current.Number);
        state.LastReceivedAt = time.GetUtcNow();
        state.AllowedSilence = tuning.WelcomeTimeout;
        try
        {
            while (true)
            {
                var next = await NextEventAsync(state, cancellationToken);
                if (next is null)
                {
                    LogSilent(BroadcasterId, state.Current?.SessionId, state.AllowedSilence);
                    return state.IsHealthy;
                }

                if (await HandleAsync(state, next, cancellationToken) == Next.End)
                {
                    await state.CloseAllAsync(time, tuning.CloseTimeout);
                    return state.IsHealthy;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await state.CloseAllAsync(time, tuning.CloseTimeout);
            return state.IsHealthy;
        }
    }

    /// <summary>The next frame or end of any socket; null when the session stayed silent too long (then it is dead:
    /// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#keepalive-message).</summary>
    private async Task<EventSubSocketEvent?> NextEventAsync(
        EventSubWebSocketSessionState state,
        CancellationToken cancellationToken)
    {
        var reader = state.Events.Reader;
        if (reader.TryRead(out var ready))
        {
            return ready;
        }

        var remaining = state.LastReceivedAt + state.AllowedSilence - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        using var limit = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return reader.TryRead(out var late) ? late : null;
        }
    }

    private async Task<Next> HandleAsync(
        EventSubWebSocketSessionState state,
        EventSubSocketEvent next,
        CancellationToken cancellationToken)
    {
        if (next.IsEnd)
        {
            return await HandleEndAsync(state, next);
        }

        if (state.IsLive(next.Socket))
        {
            state.LastReceivedAt = next.ReceivedAt;
        }

        var frame = EventSubWebSocketFrame.Parse(next.Text!);
        if (frame is null)
        {
            LogMalformed(BroadcasterId, next.Socket.Number);
            return Next.Continue;
        }

        switch (frame.MessageType)
        {
            case EventSubWebSocketMessageTypes.Welcome:
                return await HandleWelcomeAsync(state, next.Socket, frame, cancellationToken);
            case EventSubWebSocketMessageTypes.Reconnect:
                return await HandleReconnectAsync(state, next.Socket, frame, cancellationToken);
            case EventSubWebSocketMessageTypes.Notification or EventSubWebSocketMessageTypes.Revocation:
                await StoreAsync(frame, cancellationToken);
                return Next.Continue;
            case EventSubWebSocketMessageTypes.Keepalive:
                return Next.Continue;
            default:
                LogUnknownType(BroadcasterId, frame.MessageType, frame.MessageId);
                return Next.Continue;
        }
    }
}
