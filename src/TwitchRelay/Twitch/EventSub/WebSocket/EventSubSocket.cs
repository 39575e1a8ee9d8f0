using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>What one socket's reader saw: a text frame, or the end of the socket (a close code, an error, or both
/// null when the socket was closed by us).</summary>
internal sealed record EventSubSocketEvent(
    EventSubSocket Socket,
    DateTimeOffset ReceivedAt,
    string? Text,
    int? CloseCode = null,
    string? CloseDescription = null,
    Exception? Error = null)
{
    public bool IsEnd => Text is null;
}

/// <summary>One <see cref="ClientWebSocket"/> and its reader. The reader pushes every frame into a channel shared by
/// all sockets of a connection, so frames of an old socket are still handled while its replacement opens. It never
/// sends a data frame: Twitch closes with 4001 on any client traffic other than pongs, which
/// <see cref="ClientWebSocket"/> sends by itself in answer to each ping.
/// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#keepalive-message</summary>
internal sealed class EventSubSocket : IAsyncDisposable
{
    /// <summary>Twitch's frames are a few KB; anything near this is not from Twitch.</summary>
    private const int MaxMessageBytes = 1024 * 1024;

    private static int lastNumber;

    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stopping = new();
    private Task reading = Task.CompletedTask;

    private EventSubSocket(Uri url)
    {
        Url = url;

        // No unsolicited pongs: Twitch pings us and we answer; our own liveness check is the keepalive message.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    /// <summary>A number for logs, unique in the process (the session id is only known after the welcome).</summary>
    public int Number { get; } = Interlocked.Increment(ref lastNumber);

    public Uri Url { get; }

    /// <summary>Set once this socket's welcome arrived.</summary>
    public string? SessionId { get; set; }

    public static async Task<EventSubSocket> ConnectAsync(
        Uri url,
        ChannelWriter<EventSubSocketEvent> events,
        TimeProvider time,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var result = new EventSubSocket(url);
        try
        {
            using var limit = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            await result.socket.ConnectAsync(url, linked.Token);
        }
        catch
        {
            await result.DisposeAsync();
            throw;
        }

        result.reading = result.ReadAsync(events, time);
        return result;
    }

    /// <summary>Sends a close frame with 1000 (Normal Closure) and returns; the reader goes on with any frame
    /// already on the way until Twitch's answering close frame arrives.</summary>
    public async Task SendCloseAsync(TimeProvider time, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, limit.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or ObjectDisposedException)
        {
            // The peer is gone or slow: the abort in DisposeAsync ends the socket either way.
        }
    }

    /// <summary>Sends a close frame and waits, up to <paramref name="timeout"/>, for the close handshake.</summary>
    public async Task CloseAsync(TimeProvider time, TimeSpan timeout)
    {
        await SendCloseAsync(time, timeout);
        try
        {
            await reading.WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
            // Twitch did not answer in time; DisposeAsync aborts the socket.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Abort();
        await reading;
        socket.Dispose();
        stopping.Dispose();
    }

    private async Task ReadAsync(ChannelWriter<EventSubSocketEvent> events, TimeProvider time)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                var result = await ReceiveMessageAsync(buffer);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    events.TryWrite(new EventSubSocketEvent(
                        this, time.GetUtcNow(), null, (int?)socket.CloseStatus, socket.CloseStatusDescription));
                    await AnswerCloseAsync(time);
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
                    events.TryWrite(new EventSubSocketEvent(this, time.GetUtcNow(), text));
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or InvalidDataException or ObjectDisposedException)
        {
            var error = stopping.IsCancellationRequested ? null : exception;
            events.TryWrite(new EventSubSocketEvent(this, time.GetUtcNow(), null, Error: error));
        }
    }

    /// <summary>Completes the close handshake Twitch started (RFC 6455 §5.5.1).</summary>
    private async Task AnswerCloseAsync(TimeProvider time)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, limit.Token);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, linked.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Twitch already dropped the TCP connection: nothing left to answer.
        }
    }

    private async Task<ValueWebSocketReceiveResult> ReceiveMessageAsync(ArrayBufferWriter<byte> buffer)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), stopping.Token);
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException($"A frame over {MaxMessageBytes} bytes");
            }

            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return result;
            }
        }
    }
}
