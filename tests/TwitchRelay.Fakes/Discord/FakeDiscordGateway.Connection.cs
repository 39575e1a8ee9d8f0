using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TwitchRelay.Fakes.Discord;

/// <summary>One accepted socket: Hello, then whatever the client sends, answered as Discord does.</summary>
public sealed partial class FakeDiscordGateway
{
    /// <summary>GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT: off unless the application enabled them.
    /// https://discord.com/developers/docs/events/gateway#privileged-intents</summary>
    private const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);

    private static int lastConnectionNumber;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not ("/gateway" or "/resume") || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(Interlocked.Increment(ref lastConnectionNumber), socket);
        lock (gate)
        {
            connections.Add(connection);
        }

        Record(connection, FakeGatewayRecordKind.Connected, detail: path + context.Request.QueryString);
        try
        {
            // https://discord.com/developers/docs/events/gateway#connecting: v and encoding are required.
            if (context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
            {
                await CloseAsync(connection, 4012);
            }
            else
            {
                await SendOpAsync(connection, 10, new JsonObject
                {
                    ["heartbeat_interval"] = Options.HeartbeatIntervalMs,
                });
            }

            await ReadAsync(connection);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client dropped the connection.
        }
        finally
        {
            bool dropped;
            lock (gate)
            {
                dropped = connection.IsOpen && !connection.ClosedByServer && !connection.ClosedByClient;
                connection.IsOpen = false;
            }

            if (dropped)
            {
                Record(connection, FakeGatewayRecordKind.Dropped);
            }
        }
    }

    private async Task ReadAsync(Connection connection)
    {
        var buffer = new byte[8192];
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

            var text = Encoding.UTF8.GetString(message.ToArray());
            message.SetLength(0);
            await HandlePayloadAsync(connection, text);
        }
    }

    private async Task HandlePayloadAsync(Connection connection, string text)
    {
        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            payload = null;
        }

        var op = payload?["op"] is JsonValue value && value.TryGetValue<int>(out var code) ? code : (int?)null;
        Record(connection, FakeGatewayRecordKind.ClientSent, op, json: text);
        if (payload is null || op is null)
        {
            await CloseAsync(connection, 4002);
            return;
        }

        var data = payload["d"];
        switch (op)
        {
            case 1:
                if (Options.AckHeartbeats)
                {
                    await SendOpAsync(connection, 11, null);
                }

                break;
            case 2:
                await IdentifyAsync(connection, data as JsonObject);
                break;
            case 6:
                await ResumeAsync(connection, data as JsonObject);
                break;
            case 3:
                if (connection.Session is null)
                {
                    await CloseAsync(connection, 4003);
                }

                break;
            default:
                await CloseAsync(connection, 4001);
                break;
        }
    }

    /// <summary>https://discord.com/developers/docs/events/gateway-events#identify</summary>
    private async Task IdentifyAsync(Connection connection, JsonObject? data)
    {
        if (connection.Session is not null)
        {
            await CloseAsync(connection, 4005);
            return;
        }

        if (data?["token"]?.GetValue<string>() != Options.BotToken)
        {
            await CloseAsync(connection, 4004);
            return;
        }

        if (Options.InvalidSessionsOnIdentify > 0)
        {
            Options.InvalidSessionsOnIdentify--;
            await SendOpAsync(connection, 9, false);
            return;
        }

        var intents = data["intents"] is JsonValue i && i.TryGetValue<int>(out var bits) ? bits : -1;
        if (intents < 0)
        {
            await CloseAsync(connection, 4013);
            return;
        }

        if ((intents & PrivilegedIntents & ~Options.AllowedPrivilegedIntents) != 0)
        {
            await CloseAsync(connection, 4014);
            return;
        }

        var session = new Session(Guid.NewGuid().ToString("N")) { Connection = connection };
        List<(string Id, string Name)> guilds;
        lock (gate)
        {
            sessions[session.Id] = session;
            connection.Session = session;
            guilds = [.. Options.Guilds];
        }

        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "relay", ["bot"] = true },
            ["guilds"] = new JsonArray([.. guilds.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = g.Id,
                ["unavailable"] = true,
            })]),
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = ResumeUrl,
            ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
        };
        await DispatchToAsync(session, "READY", ready);
        foreach (var (id, name) in guilds)
        {
            await DispatchToAsync(session, "GUILD_CREATE", GuildJson(id, name));
        }
    }

    /// <summary>A known session and a sequence it has reached: replay what the client missed, then RESUMED.
    /// Otherwise op 9 (not resumable). https://discord.com/developers/docs/events/gateway#resuming</summary>
    private async Task ResumeAsync(Connection connection, JsonObject? data)
    {
        if (data?["token"]?.GetValue<string>() != Options.BotToken)
        {
            await CloseAsync(connection, 4004);
            return;
        }

        var sessionId = data["session_id"]?.GetValue<string>() ?? "";
        var seq = data["seq"] is JsonValue s && s.TryGetValue<long>(out var n) ? n : 0;
        Session? session;
        List<(long Sequence, string Type, JsonNode Data)> missed;
        lock (gate)
        {
            if (!sessions.TryGetValue(sessionId, out session) || seq > session.Sequence || session.Invalidated)
            {
                session = null;
                missed = [];
            }
            else
            {
                session.Connection = connection;
                connection.Session = session;
                missed = [.. session.Sent.Where(m => m.Sequence > seq)];
            }
        }

        if (session is null)
        {
            await SendOpAsync(connection, 9, false);
            return;
        }

        foreach (var (sequence, type, payload) in missed)
        {
            await SendDispatchAsync(connection, sequence, type, payload);
        }

        await DispatchToAsync(session, "RESUMED", new JsonObject());
    }

    /// <summary>1000 and 1001 from the client end its session: it can no longer be resumed.</summary>
    private async Task ClientClosedAsync(Connection connection)
    {
        var code = (int?)connection.Socket.CloseStatus;
        var answer = false;
        lock (gate)
        {
            if (!connection.ClosedByServer)
            {
                answer = true;
            }

            connection.ClosedByClient = !connection.ClosedByServer;
            if (code is 1000 or 1001 && connection.Session is { } session)
            {
                session.Invalidated = true;
            }
        }

        if (!answer)
        {
            return;
        }

        Record(connection, FakeGatewayRecordKind.ClosedByClient, closeCode: code);
        await connection.SendLock.WaitAsync(stopping.Token);
        try
        {
            await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, stopping.Token);
        }
        catch (WebSocketException)
        {
            // The client dropped right after its close frame.
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private sealed class Session(string id)
    {
        public string Id { get; } = id;

        public long Sequence { get; set; }

        public List<(long Sequence, string Type, JsonNode Data)> Sent { get; } = [];

        public Connection? Connection { get; set; }

        public bool Invalidated { get; set; }
    }

    private sealed class Connection(int number, WebSocket socket)
    {
        public int Number { get; } = number;

        public WebSocket Socket { get; } = socket;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public bool IsOpen { get; set; } = true;

        public bool ClosedByServer { get; set; }

        public bool ClosedByClient { get; set; }

        public Session? Session { get; set; }

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
                // The request ended in between.
            }
        }
    }
}
