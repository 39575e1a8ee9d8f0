using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Twitch's EventSub WebSocket server on 127.0.0.1 for tests: welcome, keepalives, notifications,
/// revocations, session_reconnect with its grace period, the close codes 4000–4007, and everything the client does,
/// recorded in order. https://dev.twitch.tv/docs/eventsub/handling-websocket-events/</summary>
public sealed partial class FakeEventSubWebSocket : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Connection> connections = [];
    private readonly List<FakeEventSubRecord> records = [];
    private readonly Dictionary<string, string> reconnectTokens = new(StringComparer.Ordinal);
    private long sequence;

    private FakeEventSubWebSocket(WebApplication app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
    }

    /// <summary>The URL to give the client, e.g. ws://127.0.0.1:PORT/ws.</summary>
    public string Url { get; private set; } = "";

    public FakeEventSubWebSocketOptions Options { get; } = new();

    public IReadOnlyList<FakeEventSubSession> Sessions
    {
        get
        {
            lock (gate)
            {
                return [.. connections.Select(c => c.Snapshot())];
            }
        }
    }

    public IReadOnlyList<FakeEventSubRecord> Records
    {
        get
        {
            lock (gate)
            {
                return [.. records];
            }
        }
    }

    /// <param name="time">Drives keepalives, the subscription deadline, the reconnect grace and timestamps. Share a
    /// FakeTimeProvider with the client under test to control both clocks.</param>
    public static async Task<FakeEventSubWebSocket> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeEventSubWebSocket(app, time ?? TimeProvider.System);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Url = app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/ws";
        return fake;
    }

    /// <summary>True while a session with this id has an open socket (for the HTTP fake's session check).</summary>
    public bool IsConnected(string sessionId)
    {
        lock (gate)
        {
            return connections.Any(c => c.Id == sessionId && c.IsOpen);
        }
    }

    /// <summary>Records that the session got a subscription, as Helix's Create EventSub Subscription would.</summary>
    public void MarkSubscribed(string sessionId) => Find(sessionId).IsSubscribed = true;

    /// <summary>Sends a notification framed as Twitch does; <paramref name="payloadJson"/> is
    /// <c>{"subscription":…,"event":…}</c>, sent as given. Returns the message id.</summary>
    public async Task<string> SendNotificationAsync(
        string sessionId,
        string subscriptionType,
        string version,
        string payloadJson,
        string? messageId = null)
    {
        messageId ??= Guid.NewGuid().ToString();
        var frame = Frame(messageId, "notification", subscriptionType, version, payloadJson);
        await SendAsync(Find(sessionId), frame, FakeEventSubRecordKind.NotificationSent, messageId);
        return messageId;
    }

    /// <summary>Sends a revocation; its subscription type and version come from the payload's subscription.
    /// Returns the message id.</summary>
    public async Task<string> SendRevocationAsync(string sessionId, string payloadJson, string? messageId = null)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var subscription = document.RootElement.GetProperty("subscription");
        messageId ??= Guid.NewGuid().ToString();
        var frame = Frame(
            messageId,
            "revocation",
            subscription.GetProperty("type").GetString(),
            subscription.GetProperty("version").GetString(),
            payloadJson);
        await SendAsync(Find(sessionId), frame, FakeEventSubRecordKind.RevocationSent, messageId);
        return messageId;
    }

    /// <summary>Sends session_reconnect with a URL to this server that carries the session's identity. The old
    /// socket closes with 4004 unless a socket at that URL is welcomed within the grace. Returns the URL.</summary>
    public async Task<string> SendReconnectAsync(string sessionId)
    {
        var old = Find(sessionId);
        var token = Guid.NewGuid().ToString("N");
        lock (gate)
        {
            reconnectTokens[token] = sessionId;
        }

        var url = $"{Url}?reconnect_token={token}";
        var session = SessionJson(old, "reconnecting", keepalive: null, reconnectUrl: url);
        var frame = Frame(Guid.NewGuid().ToString(), "session_reconnect", null, null, session);
        await SendAsync(old, frame, FakeEventSubRecordKind.ReconnectSent, url);
        _ = CloseUnlessReconnectedAsync(old);
        return url;
    }

    /// <summary>Closes the session from the server's side with a Twitch close code (4000–4007).</summary>
    public Task CloseAsync(string sessionId, int code) => CloseAsync(Find(sessionId), code);

    /// <summary>Lets a held welcome go (see <see cref="FakeEventSubWebSocketOptions.HoldWelcomes"/>).</summary>
    public Task ReleaseWelcomeAsync(string sessionId)
    {
        Find(sessionId).WelcomeRelease.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after
    /// <paramref name="timeout"/> (30 s by default), which only keeps a broken build from hanging.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"The condition did not hold within {limit}; sessions: "
                    + string.Join("; ", Sessions));
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

        foreach (var connection in all.Where(c => c.IsOpen))
        {
            connection.Abort();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private Connection Find(string sessionId)
    {
        lock (gate)
        {
            return connections.LastOrDefault(c => c.Id == sessionId)
                ?? throw new InvalidOperationException($"No session {sessionId}");
        }
    }

    private void Record(string sessionId, FakeEventSubRecordKind kind, string? detail = null, int? closeCode = null)
    {
        lock (gate)
        {
            records.Add(new FakeEventSubRecord(++sequence, sessionId, kind, detail, closeCode));
        }
    }

    private async Task CloseUnlessReconnectedAsync(Connection old)
    {
        try
        {
            await Task.Delay(Options.ReconnectGrace, time, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        bool reconnected;
        lock (gate)
        {
            reconnected = connections.Any(c => c.ReconnectedFrom == old.Id && c.WelcomedAt is not null);
        }

        if (!reconnected && old.IsOpen)
        {
            await CloseAsync(old, 4004);
        }
    }
}
