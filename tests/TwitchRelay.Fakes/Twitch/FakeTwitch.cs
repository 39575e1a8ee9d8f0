using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Twitch's OAuth server (id.twitch.tv/oauth2) and the Helix endpoints the relay uses (users, EventSub
/// subscriptions) on 127.0.0.1, for tests. It enforces the rules in the shared protocol.md: single-use codes,
/// rotating refresh tokens, the Bearer and Client-Id headers, transports and their tokens, scopes, duplicates,
/// cost limits, pagination and rate limits. Every request is recorded.</summary>
public sealed partial class FakeTwitch : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly List<RecordedTwitchRequest> requests = [];
    private TaskCompletionSource changed = NewSignal();

    private FakeTwitch(WebApplication app, string clientId, string clientSecret, TimeProvider time)
    {
        this.app = app;
        ClientId = clientId;
        ClientSecret = clientSecret;
        this.time = time;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>e.g. http://127.0.0.1:PORT/oauth2</summary>
    public string AuthBaseUrl { get; private set; } = "";

    /// <summary>e.g. http://127.0.0.1:PORT/helix</summary>
    public string ApiBaseUrl { get; private set; } = "";

    /// <summary>Subscriptions per page of Get EventSub Subscriptions. Small by default, so clients must follow
    /// <c>pagination.cursor</c>.</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Lifetime of user access tokens (Twitch's are about four hours).</summary>
    public TimeSpan UserTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Lifetime of app access tokens (Twitch's are about two months).</summary>
    public TimeSpan AppTokenLifetime { get; set; } = TimeSpan.FromDays(58);

    /// <summary>When set, a WebSocket transport's session id must pass it (the fake EventSub WebSocket knows which
    /// sessions are connected). When null any session id is accepted.</summary>
    public Func<string, bool>? IsWebSocketSessionConnected { get; set; }

    public IReadOnlyList<RecordedTwitchRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FakeTwitch> StartAsync(string clientId, string clientSecret, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwitch(app, clientId, clientSecret, time ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync();

        var root = app.Urls.Single().TrimEnd('/');
        fake.AuthBaseUrl = root + "/oauth2";
        fake.ApiBaseUrl = root + "/helix";
        return fake;
    }

    /// <summary>Waits (real time) until <paramref name="condition"/> holds, re-checking after every request and
    /// every change made through the controls. Throws <see cref="TimeoutException"/> after
    /// <paramref name="timeout"/> (10 s by default).</summary>
    public async Task WaitUntilAsync(Func<FakeTwitch, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await signal.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException ex)
            {
                throw new TimeoutException(
                    $"FakeTwitch: condition not met; {Requests.Count} requests, {Subscriptions.Count} subscriptions.",
                    ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Wakes every <see cref="WaitUntilAsync"/>; called under <see cref="gate"/>.</summary>
    private void SignalChanged()
    {
        var previous = changed;
        changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
