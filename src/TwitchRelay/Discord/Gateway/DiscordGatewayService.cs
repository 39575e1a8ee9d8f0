using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Discord.Gateway;

/// <summary>The bot's gateway session, kept up while the service runs and <c>Discord:BotToken</c> is set: hello,
/// identify (GUILDS intent only, "Watching Twitch"), heartbeats with a jittered first beat, resume after a drop,
/// op 7 reconnect, op 9 invalid session, and Discord's close codes (4004 and 4010-4014 stop it with an error naming
/// what to fix). Discord requires a bot to have connected once before it may post, and the session is what shows
/// it online and brings its slash commands. https://discord.com/developers/docs/events/gateway</summary>
internal sealed partial class DiscordGatewayService(
    IOptions<DiscordOptions> options,
    BotGuilds guilds,
    IEnumerable<IGatewayDispatchListener> listeners,
    GatewayTuning tuning,
    TimeProvider time,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    /// <summary>Any close code but 1000 and 1001 keeps the session resumable; 4000 is the one clients use.
    /// https://discord.com/developers/docs/events/gateway#initiating-a-disconnect</summary>
    private const int ResumableCloseCode = 4000;

    private readonly IGatewayDispatchListener[] listeners = [.. listeners];
    private string? sessionId;
    private long? sequence;
    private string? resumeUrl;

    private enum Ending
    {
        Resume,
        NewSession,
        Fatal,
        Stopped,
    }

    /// <summary>Sessions started so far (fresh identifies and resumes), for tests and the status command.</summary>
    public int Connections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var token = options.Value.BotToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            LogNoToken();
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var end = await RunGuardedSessionAsync(token, stoppingToken);
            guilds.Offline();
            if (end.Kind is Ending.Fatal or Ending.Stopped || stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (end.Kind == Ending.NewSession)
            {
                sessionId = null;
                sequence = null;
                resumeUrl = null;
            }

            failures = end.Healthy ? 1 : failures + 1;
            var delay = end.Delay ?? TimeSpan.Zero;
            if (!end.Immediate || failures > 1)
            {
                // A session that ended again before READY backs off even when Discord named a shorter wait (an
                // invalid session's 1-5 s): a loop of them would spend the bot's daily identify budget.
                // https://discord.com/developers/docs/events/gateway#session-start-limit-object
                var backoff = tuning.BackoffFor(failures);
                delay = backoff > delay ? backoff : delay;
            }
            LogReconnectScheduled(delay, sessionId is null ? "identify" : "resume");
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped();
    }

    private async Task<SessionEnd> RunGuardedSessionAsync(string token, CancellationToken stoppingToken)
    {
        try
        {
            return await RunSessionAsync(token, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return new SessionEnd(Ending.Stopped, false);
        }
        catch (Exception exception)
        {
            // A bug of ours must not take the bot offline for good: log it whole, back off, start over.
            LogSessionFailed(exception);
            return new SessionEnd(Ending.Resume, false);
        }
    }

    private async Task<SessionEnd> RunSessionAsync(string token, CancellationToken stoppingToken)
    {
        var resuming = sessionId is not null && resumeUrl is not null;
        var url = resuming ? ResumeUri(resumeUrl!) : new Uri(options.Value.GatewayUrl);
        GatewaySocket socket;
        try
        {
            socket = await GatewaySocket.ConnectAsync(url, time, tuning.ConnectTimeout, stoppingToken);
        }
        catch (Exception exception) when (exception is WebSocketException or HttpRequestException
            || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            LogConnectFailed(exception, url.Host);
            return new SessionEnd(Ending.Resume, false);
        }

        await using (socket)
        {
            Connections++;
            LogConnected(url.Host, resuming ? "resume" : "identify");
            try
            {
                return await RunConnectedAsync(socket, token, resuming, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: 1000 ends the session at Discord, so the bot shows offline at once.
                await socket.CloseAsync((int)WebSocketCloseStatus.NormalClosure, time, tuning.CloseTimeout);
                return new SessionEnd(Ending.Stopped, false);
            }
        }
    }

    private async Task<SessionEnd> RunConnectedAsync(
        GatewaySocket socket,
        string token,
        bool resuming,
        CancellationToken stoppingToken)
    {
        var hello = await NextAsync(socket, tuning.HelloTimeout, stoppingToken);
        if (hello is null || hello.IsEnd)
        {
            return hello is null ? await NoHelloAsync(socket) : Ended(hello, healthy: false);
        }

        var payload = GatewayPayload.Parse(hello.Text!);
        if (payload is not { Op: GatewayOpcodes.Hello }
            || !payload.Data.TryGetProperty("heartbeat_interval", out var intervalElement)
            || !intervalElement.TryGetDouble(out var intervalMs) || intervalMs <= 0)
        {
            return await NoHelloAsync(socket);
        }

        var interval = TimeSpan.FromMilliseconds(intervalMs);
        var first = socket.SendAsync(
            resuming
                ? GatewayPayload.Resume(token, sessionId!, sequence)
                : GatewayPayload.Identify(token, GatewayIntents.Guilds, GatewayPayload.Presence(tuning.Watching)),
            stoppingToken);
        if (!await first)
        {
            return Ended(await NextAsync(socket, tuning.CloseTimeout, stoppingToken), healthy: false);
        }

        var session = new ConnectionState(time.GetUtcNow() + (interval * tuning.Jitter()));
        while (true)
        {
            var remaining = session.NextBeatAt - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                if (session.AwaitingAck)
                {
                    // No ACK since the last beat: a zombie connection. Drop it and resume.
                    // https://discord.com/developers/docs/events/gateway#sending-heartbeats
                    LogZombie(interval);
                    await socket.CloseAsync(ResumableCloseCode, time, tuning.CloseTimeout);
                    return new SessionEnd(Ending.Resume, session.Healthy, Immediate: true);
                }

                session.AwaitingAck = true;
                session.NextBeatAt = time.GetUtcNow() + interval;
                await socket.SendAsync(GatewayPayload.Heartbeat(sequence), stoppingToken);
                continue;
            }

            var next = await NextAsync(socket, remaining, stoppingToken);
            if (next is null)
            {
                continue;
            }

            if (next.IsEnd)
            {
                return Ended(next, session.Healthy);
            }

            var end = await HandleAsync(socket, session, next.Text!, stoppingToken);
            if (end is not null)
            {
                return end;
            }
        }
    }

    /// <summary>Handles one payload; returns how the connection ends when it does.</summary>
    private async Task<SessionEnd?> HandleAsync(
        GatewaySocket socket,
        ConnectionState session,
        string text,
        CancellationToken stoppingToken)
    {
        var payload = GatewayPayload.Parse(text);
        if (payload is null)
        {
            LogMalformed();
            return null;
        }

        switch (payload.Op)
        {
            case GatewayOpcodes.Dispatch:
                sequence = payload.Sequence ?? sequence;
                await DispatchAsync(session, payload, stoppingToken);
                return null;
            case GatewayOpcodes.Heartbeat:
                // Discord asks for a beat now. https://discord.com/developers/docs/events/gateway#heartbeat-requests
                await socket.SendAsync(GatewayPayload.Heartbeat(sequence), stoppingToken);
                return null;
            case GatewayOpcodes.HeartbeatAck:
                session.AwaitingAck = false;
                return null;
            case GatewayOpcodes.Reconnect:
                LogReconnectAsked();
                await socket.CloseAsync(ResumableCloseCode, time, tuning.CloseTimeout);
                return new SessionEnd(Ending.Resume, session.Healthy, Immediate: true);
            case GatewayOpcodes.InvalidSession:
                var resumable = payload.Data.ValueKind == JsonValueKind.True;
                LogInvalidSession(resumable);
                await socket.CloseAsync(ResumableCloseCode, time, tuning.CloseTimeout);
                return resumable
                    ? new SessionEnd(Ending.Resume, session.Healthy, Immediate: true)
                    : new SessionEnd(Ending.NewSession, session.Healthy, Delay: tuning.InvalidSessionDelay());
            default:
                LogUnknownOpcode(payload.Op);
                return null;
        }
    }

    private async Task DispatchAsync(ConnectionState session, GatewayPayload payload, CancellationToken ct)
    {
        var type = payload.Type ?? "";
        var data = payload.Data;
        switch (type)
        {
            case "READY":
                sessionId = Text(data, "session_id");
                resumeUrl = Text(data, "resume_gateway_url");
                var guildIds = data.TryGetProperty("guilds", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(g => Text(g, "id")).OfType<string>().ToList()
                    : [];
                var applicationId = data.TryGetProperty("application", out var app) ? Text(app, "id") : null;
                var userId = data.TryGetProperty("user", out var user) ? Text(user, "id") : null;
                guilds.Ready(applicationId, userId, guildIds);
                session.Healthy = true;
                LogReady(userId, guildIds.Count);
                break;
            case "RESUMED":
                guilds.Resumed();
                session.Healthy = true;
                LogResumed(sequence);
                break;
            case "GUILD_CREATE":
                if (Text(data, "id") is { } createdId)
                {
                    if (guilds.Created(createdId, Text(data, "name"), !IsTrue(data, "unavailable")))
                    {
                        LogGuildJoined(createdId, Text(data, "name"));
                    }
                }

                break;
            case "GUILD_DELETE":
                if (Text(data, "id") is { } deletedId)
                {
                    var outage = IsTrue(data, "unavailable");
                    if (guilds.Deleted(deletedId, outage))
                    {
                        LogGuildLeft(deletedId);
                    }
                    else if (outage)
                    {
                        LogGuildUnavailable(deletedId);
                    }
                }

                break;
        }

        var dispatch = new GatewayDispatch(type, data);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnDispatchAsync(dispatch, ct);
            }
            catch (Exception exception) when (exception is not OperationCanceledException
                || !ct.IsCancellationRequested)
            {
                LogListenerFailed(exception, type, listener.GetType().Name);
            }
        }
    }

    private SessionEnd Ended(GatewaySocketEvent? end, bool healthy)
    {
        var code = end?.CloseCode;
        if (code is { } fatal && GatewayCloseCodes.Fatal(fatal) is { } fix)
        {
            LogFatalClose(fatal, end?.CloseReason ?? "", fix);
            return new SessionEnd(Ending.Fatal, healthy);
        }

        if (end?.Error is { } error)
        {
            LogDropped(error);
        }
        else
        {
            LogClosed(code, end?.CloseReason ?? "");
        }

        return code is GatewayCloseCodes.InvalidSequence or GatewayCloseCodes.SessionTimedOut
            ? new SessionEnd(Ending.NewSession, healthy)
            : new SessionEnd(Ending.Resume, healthy);
    }

    private async Task<SessionEnd> NoHelloAsync(GatewaySocket socket)
    {
        LogNoHello(tuning.HelloTimeout);
        await socket.CloseAsync(ResumableCloseCode, time, tuning.CloseTimeout);
        return new SessionEnd(Ending.Resume, false);
    }

    /// <summary>The next frame or end; null when <paramref name="timeout"/> passed first.</summary>
    private async Task<GatewaySocketEvent?> NextAsync(
        GatewaySocket socket,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        if (socket.Events.TryRead(out var ready))
        {
            return ready;
        }

        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await socket.Events.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return socket.Events.TryRead(out var late) ? late : null;
        }
    }

    /// <summary>Discord's resume_gateway_url has no query: the version and encoding of the configured URL are
    /// added. https://discord.com/developers/docs/events/gateway#preparing-to-resume</summary>
    private Uri ResumeUri(string url)
    {
        var configured = new Uri(options.Value.GatewayUrl);
        var builder = new UriBuilder(url) { Query = configured.Query.TrimStart('?') };
        return builder.Uri;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private sealed record SessionEnd(Ending Kind, bool Healthy, bool Immediate = false, TimeSpan? Delay = null);

    private sealed class ConnectionState(DateTimeOffset firstBeatAt)
    {
        public DateTimeOffset NextBeatAt { get; set; } = firstBeatAt;

        public bool AwaitingAck { get; set; }

        public bool Healthy { get; set; }
    }
}
