using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>One accepted socket: welcome, keepalives, the subscription deadline, and reading whatever the client
/// sends (any data frame closes the session with 4001, as on Twitch).</summary>
public sealed partial class FakeEventSubWebSocket
{
    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/ws" || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var keepalive = Options.KeepaliveTimeoutSeconds;
        var asked = context.Request.Query["keepalive_timeout_seconds"].ToString();
        if (asked.Length > 0 && (!int.TryParse(asked, CultureInfo.InvariantCulture, out keepalive)
            || keepalive is < 10 or > 600))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = Options.PingInterval ?? TimeSpan.Zero,
            KeepAliveTimeout = Options.PingInterval is null ? Timeout.InfiniteTimeSpan : Options.PingTimeout,
        });
        var connection = Accept(socket, context.Request.Query["reconnect_token"].ToString(), keepalive);
        if (connection is null)
        {
            return;
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        try
        {
            await WelcomeAsync(connection, ended.Token);
            _ = SendKeepalivesAsync(connection, ended.Token);
            await ReadAsync(connection);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or InvalidOperationException)
        {
            // The client went away during the welcome; recorded below.
        }
        finally
        {
            await ended.CancelAsync();
            lock (gate)
            {
                connection.IsOpen = false;
                if (connection.ClosedBy == FakeEventSubCloser.None)
                {
                    connection.ClosedBy = FakeEventSubCloser.Dropped;
                    records.Add(new FakeEventSubRecord(++sequence, connection.Id, FakeEventSubRecordKind.Dropped));
                }
            }
        }
    }

    /// <summary>Registers the session; null (after closing with 4007) for an unknown or used reconnect token.
    /// </summary>
    private Connection? Accept(WebSocket socket, string reconnectToken, int keepalive)
    {
        string? from = null;
        Connection connection;
        lock (gate)
        {
            if (reconnectToken.Length > 0 && !reconnectTokens.Remove(reconnectToken, out from))
            {
                from = "";
            }

            var old = connections.LastOrDefault(c => c.Id == from);
            connection = new Connection(NewSessionId(), socket, time.GetUtcNow())
            {
                ReconnectedFrom = string.IsNullOrEmpty(from) ? null : from,
                KeepaliveTimeoutSeconds = old?.KeepaliveTimeoutSeconds ?? keepalive,
                IsSubscribed = old?.IsSubscribed ?? false,
            };
            connections.Add(connection);
            records.Add(new FakeEventSubRecord(++sequence, connection.Id, FakeEventSubRecordKind.Connected, from));
        }

        if (from == "")
        {
            _ = CloseAsync(connection, 4007);
            return null;
        }

        return connection;
    }

    private async Task WelcomeAsync(Connection connection, CancellationToken cancellationToken)
    {
        if (Options.HoldWelcomes)
        {
            await connection.WelcomeRelease.Task.WaitAsync(cancellationToken);
        }

        if (connection.ReconnectedFrom is { } from && Find(from).CloseCode == 4004)
        {
            // The grace is over: the reconnect URL is no longer valid.
            await CloseAsync(connection, 4007);
            return;
        }

        var session = SessionJson(connection, "connected", connection.KeepaliveTimeoutSeconds, reconnectUrl: null);
        var frame = Frame(Guid.NewGuid().ToString(), "session_welcome", null, null, session);
        connection.WelcomedAt = time.GetUtcNow();
        await SendAsync(connection, frame, FakeEventSubRecordKind.Welcomed, null);
        if (connection.ReconnectedFrom is null && Options.RequireSubscriptionWithin is { } limit)
        {
            _ = CloseUnlessSubscribedAsync(connection, limit, cancellationToken);
        }
    }

    private async Task CloseUnlessSubscribedAsync(Connection connection, TimeSpan limit, CancellationToken ended)
    {
        try
        {
            await Task.Delay(limit, time, ended);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!connection.IsSubscribed)
        {
            await CloseAsync(connection, 4003);
        }
    }

    private async Task SendKeepalivesAsync(Connection connection, CancellationToken ended)
    {
        try
        {
            while (!ended.IsCancellationRequested)
            {
                var interval = Options.KeepaliveInterval
                    ?? TimeSpan.FromSeconds(connection.KeepaliveTimeoutSeconds / 2.0);
                var wait = connection.LastSentAt + interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero || !Options.SendKeepalives)
                {
                    await Task.Delay(wait > TimeSpan.Zero ? wait : interval, time, ended);
                    continue;
                }

                var frame = Frame(Guid.NewGuid().ToString(), "session_keepalive", null, null, "{}");
                await SendAsync(connection, frame, FakeEventSubRecordKind.KeepaliveSent, null);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or InvalidOperationException)
        {
            // The session ended.
        }
    }

    private async Task ReadAsync(Connection connection)
    {
        var buffer = new byte[4096];
        var message = new MemoryStream();
        while (true)
        {
            var result = await connection.Socket.ReceiveAsync(buffer.AsMemory(), stopping.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await ClientClosedAsync(connection);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = result.MessageType == WebSocketMessageType.Text
                ? Encoding.UTF8.GetString(message.ToArray())
                : Convert.ToHexString(message.ToArray());
            message.SetLength(0);
            Record(connection.Id, result.MessageType == WebSocketMessageType.Text
                ? FakeEventSubRecordKind.ClientSentText
                : FakeEventSubRecordKind.ClientSentBinary, text);

            // https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#close-message: 4001.
            await CloseAsync(connection, 4001);
        }
    }

    /// <summary>The client's close frame: either its own decision, or its answer to ours.</summary>
    private async Task ClientClosedAsync(Connection connection)
    {
        var code = (int?)connection.Socket.CloseStatus;
        var answer = false;
        lock (gate)
        {
            if (connection.ClosedBy == FakeEventSubCloser.None)
            {
                connection.ClosedBy = FakeEventSubCloser.Client;
                connection.CloseCode = code;
                records.Add(new FakeEventSubRecord(
                    ++sequence, connection.Id, FakeEventSubRecordKind.ClosedByClient, null, code));
                answer = true;
            }
        }

        if (answer)
        {
            await connection.SendLock.WaitAsync(stopping.Token);
            try
            {
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stopping.Token);
            }
            catch (WebSocketException)
            {
                // The client dropped the connection right after its close frame.
            }
            finally
            {
                connection.SendLock.Release();
            }
        }
    }

    private sealed class Connection(string id, WebSocket socket, DateTimeOffset connectedAt)
    {
        public string Id { get; } = id;

        public WebSocket Socket { get; } = socket;

        public DateTimeOffset ConnectedAt { get; } = connectedAt;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public TaskCompletionSource WelcomeRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset? WelcomedAt { get; set; }

        public DateTimeOffset LastSentAt { get; set; } = connectedAt;

        public bool IsOpen { get; set; } = true;

        public string? ReconnectedFrom { get; init; }

        public int KeepaliveTimeoutSeconds { get; init; }

        public bool IsSubscribed { get; set; }

        public FakeEventSubCloser ClosedBy { get; set; }

        public int? CloseCode { get; set; }

        /// <summary>Drops the TCP connection; nothing once the request that owned the socket has ended.</summary>
        public void Abort()
        {
            try
            {
                if (IsOpen)
                {
                    Socket.Abort();
                }
            }
            catch (ObjectDisposedException)
            {
                // The request ended in between: the socket is already gone.
            }
        }

        public FakeEventSubSession Snapshot() => new(
            Id, ConnectedAt, WelcomedAt, IsOpen, ReconnectedFrom, KeepaliveTimeoutSeconds, IsSubscribed, ClosedBy,
            CloseCode);
    }
}
