using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Discord's gateway on 127.0.0.1 for tests: Hello, READY and GUILD_CREATE after identify, heartbeat ACKs
/// (or none), resume with replay of missed dispatches, op 7 reconnect, op 9 invalid session, close codes, and
/// everything the client sent, recorded in order. https://discord.com/developers/docs/events/gateway</summary>
public sealed partial class FakeDiscordGateway : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Connection> connections = [];
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly List<FakeGatewayRecord> records = [];
    private long recordSequence;

    private readonly TimeProvider time;

    private FakeDiscordGateway(WebApplication app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
    }

    /// <summary>The URL to give the client, with version and encoding, e.g.
    /// ws://127.0.0.1:PORT/gateway?v=10&amp;encoding=json.</summary>
    public string GatewayUrl { get; private set; } = "";

    /// <summary>The resume_gateway_url sent in READY (no query, as Discord's).</summary>
    public string ResumeUrl { get; private set; } = "";

    public FakeDiscordGatewayOptions Options { get; } = new();

    public IReadOnlyList<FakeGatewayRecord> Records
    {
        get
        {
            lock (gate)
            {
                return [.. records];
            }
        }
    }

    /// <summary>The payloads the client sent with opcode <paramref name="op"/>, in order.</summary>
    public IReadOnlyList<FakeGatewayRecord> ClientSent(int op) =>
        [.. Records.Where(r => r.Kind == FakeGatewayRecordKind.ClientSent && r.Op == op)];

    public int OpenConnections
    {
        get
        {
            lock (gate)
            {
                return connections.Count(c => c.IsOpen);
            }
        }
    }

    /// <param name="time">Stamps the records; share a FakeTimeProvider with the client to compare times.</param>
    public static async Task<FakeDiscordGateway> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordGateway(app, time ?? TimeProvider.System);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var root = app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/');
        fake.GatewayUrl = root + "/gateway?v=10&encoding=json";
        fake.ResumeUrl = root + "/resume";
        return fake;
    }

    /// <summary>Sends a dispatch on the newest identified connection; returns its sequence number. Dispatches sent
    /// while no connection is open are kept for a resume to replay.</summary>
    public Task<long> DispatchAsync(string type, JsonNode data)
    {
        Session session;
        lock (gate)
        {
            session = sessions.Values.LastOrDefault()
                ?? throw new InvalidOperationException("No session: the client has not identified");
        }

        return DispatchToAsync(session, type, data);
    }

    /// <summary>GUILD_CREATE for a guild the bot just joined.</summary>
    public Task<long> AddGuildAsync(string guildId, string name) =>
        DispatchAsync("GUILD_CREATE", GuildJson(guildId, name));

    /// <summary>GUILD_DELETE: the bot was removed, or (with <paramref name="unavailable"/>) an outage.</summary>
    public Task<long> RemoveGuildAsync(string guildId, bool unavailable = false)
    {
        var data = new JsonObject { ["id"] = guildId };
        if (unavailable)
        {
            data["unavailable"] = true;
        }

        return DispatchAsync("GUILD_DELETE", data);
    }

    /// <summary>op 7: the client should resume on a new connection.</summary>
    public Task SendReconnectAsync() => SendOpAsync(Newest(), 7, null);

    /// <summary>op 9 with d = <paramref name="resumable"/>.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => SendOpAsync(Newest(), 9, resumable);

    /// <summary>op 1: Discord asks for a heartbeat now.</summary>
    public Task RequestHeartbeatAsync() => SendOpAsync(Newest(), 1, null);

    /// <summary>Closes the newest connection with a gateway close code.</summary>
    public Task CloseAsync(int code) => CloseAsync(Newest(), code);

    /// <summary>Drops the newest connection's TCP connection without a close frame.</summary>
    public void Drop()
    {
        var connection = Newest();
        Record(connection, FakeGatewayRecordKind.Dropped);
        connection.Abort();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; throws after <paramref name="timeout"/> (30 s by
    /// default), which only keeps a broken build from hanging.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"The condition did not hold within {limit}; records: "
                    + string.Join("; ", Records.Select(r => $"{r.Connection}:{r.Kind}:{r.Op}:{r.Type}:{r.CloseCode}")));
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        List<Connection> all;
        lock (gate)
        {
            all = [.. connections];
        }

        foreach (var connection in all)
        {
            connection.Abort();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private static JsonObject GuildJson(string id, string name) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["unavailable"] = false,
        ["owner_id"] = "400000000000000001",
        ["roles"] = new JsonArray(),
        ["channels"] = new JsonArray(),
    };

    private Connection Newest()
    {
        lock (gate)
        {
            return connections.LastOrDefault(c => c.IsOpen)
                ?? throw new InvalidOperationException("No open gateway connection");
        }
    }

    private void Record(
        Connection connection,
        FakeGatewayRecordKind kind,
        int? op = null,
        string? type = null,
        string? json = null,
        int? closeCode = null,
        string? detail = null)
    {
        lock (gate)
        {
            records.Add(new FakeGatewayRecord(++recordSequence, time.GetUtcNow(), connection.Number, kind, op, type,
                json, closeCode, detail));
        }
    }

    private async Task<long> DispatchToAsync(Session session, string type, JsonNode data)
    {
        Connection? connection;
        long sequence;
        lock (gate)
        {
            sequence = ++session.Sequence;
            session.Sent.Add((sequence, type, data.DeepClone()));
            connection = session.Connection is { IsOpen: true } open ? open : null;
        }

        if (connection is not null)
        {
            await SendDispatchAsync(connection, sequence, type, data);
        }

        return sequence;
    }

    private Task SendDispatchAsync(Connection connection, long sequence, string type, JsonNode data) =>
        SendAsync(connection, new JsonObject
        {
            ["op"] = 0,
            ["d"] = data.DeepClone(),
            ["s"] = sequence,
            ["t"] = type,
        });

    private Task SendOpAsync(Connection connection, int op, JsonNode? data) =>
        SendAsync(connection, new JsonObject { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null });

    private async Task SendAsync(Connection connection, JsonObject payload)
    {
        var text = payload.ToJsonString();
        await connection.SendLock.WaitAsync(stopping.Token);
        try
        {
            if (connection.Socket.State != WebSocketState.Open)
            {
                return;
            }

            Record(connection, FakeGatewayRecordKind.ServerSent, (int)payload["op"]!,
                payload["t"]?.GetValue<string>(), text);
            await connection.Socket.SendAsync(
                Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, stopping.Token);
        }
        catch (WebSocketException)
        {
            // The client went away; its reader records how.
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private async Task CloseAsync(Connection connection, int code)
    {
        lock (gate)
        {
            if (connection.ClosedByServer || !connection.IsOpen)
            {
                return;
            }

            connection.ClosedByServer = true;
        }

        Record(connection, FakeGatewayRecordKind.ClosedByServer, closeCode: code);
        await connection.SendLock.WaitAsync(stopping.Token);
        try
        {
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake", stopping.Token);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        finally
        {
            connection.SendLock.Release();
        }
    }
}
