using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace TwitchRelay.Discord.Gateway;

/// <summary>What the socket's reader saw: a text frame, or the end of the socket (a close code, an error, or both
/// null when we closed it ourselves).</summary>
internal sealed record GatewaySocketEvent(string? Text, int? CloseCode = null, string? CloseReason = null,
    Exception? Error = null)
{
    public bool IsEnd => Text is null;
}

/// <summary>One <see cref="ClientWebSocket"/> to the gateway: a reader that pushes every frame into a channel, and
/// sends serialised by a lock (heartbeats and command answers may overlap).</summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    /// <summary>A GUILD_CREATE of a big guild runs to megabytes; anything past this is not from Discord.</summary>
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Channel<GatewaySocketEvent> events = Channel.CreateUnbounded<GatewaySocketEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private Task reading = Task.CompletedTask;

    private GatewaySocket()
    {
        // Liveness is the gateway's own heartbeat (op 1 / op 11), not WebSocket pings.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public ChannelReader<GatewaySocketEvent> Events => events.Reader;

    public static async Task<GatewaySocket> ConnectAsync(
        Uri url,
        TimeProvider time,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var result = new GatewaySocket();
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

        result.reading = result.ReadAsync();
        return result;
    }

    /// <summary>Sends one text frame. False when the socket is gone (the reader reports why).</summary>
    public async Task<bool> SendAsync(string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State != WebSocketState.Open)
            {
                return false;
            }

            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Closes with <paramref name="code"/> and waits up to <paramref name="timeout"/> for the answer. A
    /// code of 1000 or 1001 ends the session at Discord; any other keeps it resumable.
    /// https://discord.com/developers/docs/events/gateway#initiating-a-disconnect</summary>
    public async Task CloseAsync(int code, TimeProvider time, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        await sendLock.WaitAsync(CancellationToken.None);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, null, limit.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or ObjectDisposedException)
        {
            // The peer is gone or slow: the abort in DisposeAsync ends the socket either way.
        }
        finally
        {
            sendLock.Release();
        }

        try
        {
            await reading.WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
            // No answering close frame in time; DisposeAsync aborts.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Abort();
        await reading;
        socket.Dispose();
        stopping.Dispose();
        sendLock.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                var result = await ReceiveMessageAsync(buffer);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    events.Writer.TryWrite(new GatewaySocketEvent(
                        null, (int?)socket.CloseStatus, socket.CloseStatusDescription));
                    await AnswerCloseAsync();
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    events.Writer.TryWrite(new GatewaySocketEvent(Encoding.UTF8.GetString(buffer.WrittenSpan)));
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or InvalidDataException or ObjectDisposedException)
        {
            var error = stopping.IsCancellationRequested ? null : exception;
            events.Writer.TryWrite(new GatewaySocketEvent(null, Error: error));
        }
    }

    /// <summary>Completes the close handshake Discord started (RFC 6455 §5.5.1), echoing its code.</summary>
    private async Task AnswerCloseAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, limit.Token);
        try
        {
            await sendLock.WaitAsync(linked.Token);
            try
            {
                var status = socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure;
                await socket.CloseOutputAsync(status, null, linked.Token);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException
            or ObjectDisposedException)
        {
            // Discord already dropped the TCP connection: nothing left to answer.
        }
    }

    private async Task<ValueWebSocketReceiveResult> ReceiveMessageAsync(ArrayBufferWriter<byte> buffer)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), stopping.Token);
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
