using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace TwitchRelay.Fakes.Discord;

/// <summary>A Discord REST API on 127.0.0.1 for tests: channel messages, webhooks, rate limits and the errors the
/// real one answers, plus scriptable faults. Every request is recorded; every message is kept.</summary>
public sealed partial class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeDiscordOptions options;
    private readonly FakeDiscordRateLimits limits;
    private readonly Lock gate = new();
    private readonly List<RecordedDiscordRequest> requests = [];
    private readonly List<FakeDiscordFault> faults = [];
    private TaskCompletionSource changed = NewSignal();
    private int busyRequests;

    private FakeDiscord(WebApplication app, FakeDiscordOptions options)
    {
        this.app = app;
        this.options = options;
        limits = new FakeDiscordRateLimits(options);
    }

    /// <summary>The base URL to give the client, e.g. http://127.0.0.1:PORT/api/v10.</summary>
    public string ApiBaseUrl { get; private set; } = "";

    public string BotToken
    {
        get => options.BotToken;
        set => options.BotToken = value;
    }

    /// <summary>Requests being handled right now, not counting those parked by <see cref="DelayNext(string,
    /// TimeSpan, int)"/>. Tests advance a fake clock only when this is zero.</summary>
    public int BusyRequests => Volatile.Read(ref busyRequests);

    public IReadOnlyList<RecordedDiscordRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public IReadOnlyList<FakeDiscordMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages.Select(m => m.Snapshot())];
            }
        }
    }

    public static async Task<FakeDiscord> StartAsync(FakeDiscordOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app, options ?? new FakeDiscordOptions());
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.ApiBaseUrl = app.Urls.Single().TrimEnd('/') + "/api/v10";
        return fake;
    }

    public IReadOnlyList<FakeDiscordMessage> MessagesIn(string channelId) =>
        [.. Messages.Where(m => m.ChannelId == channelId && !m.Deleted)];

    public FakeDiscordMessage? Message(string id) => Messages.SingleOrDefault(m => m.Id == id);

    /// <summary>Adds a text channel. Without <paramref name="canSend"/> the bot gets 403 / 50013 there.</summary>
    public void AddChannel(string channelId, bool canSend = true)
    {
        lock (gate)
        {
            channels[channelId] = canSend;
        }
    }

    /// <summary>Adds a webhook posting into <paramref name="channelId"/> (created if missing) and returns the URL a
    /// user would paste into a config.</summary>
    public string AddWebhook(string webhookId, string token, string channelId = "100000000000000001")
    {
        lock (gate)
        {
            channels.TryAdd(channelId, true);
            webhooks[webhookId] = (token, channelId);
        }

        return $"https://discord.com/api/webhooks/{webhookId}/{token}";
    }

    /// <summary>Overrides the bucket limit for one channel or webhook.</summary>
    public void SetBucketLimit(string majorId, int limit, TimeSpan window) => limits.SetLimit(majorId, limit, window);

    /// <summary>The next <paramref name="count"/> requests on a channel or webhook id answer
    /// <paramref name="status"/> (500, 502, 503...).</summary>
    public void FailNext(string majorId, int count = 1, int status = 500) =>
        AddFault(new FakeDiscordFault
        {
            Matches = FakeDiscordFault.ForId(majorId),
            Remaining = count,
            Status = status,
        });

    public void FailNext(Func<RecordedDiscordRequest, bool> predicate, int count = 1, int status = 500) =>
        AddFault(new FakeDiscordFault
        {
            Matches = FakeDiscordFault.ForRequest(predicate),
            Remaining = count,
            Status = status,
        });

    /// <summary>The next requests on an id wait <paramref name="delay"/> on the fake's clock before being handled
    /// (or until the client gives up), to provoke client timeouts.</summary>
    public void DelayNext(string majorId, TimeSpan delay, int count = 1) =>
        AddFault(new FakeDiscordFault { Matches = FakeDiscordFault.ForId(majorId), Remaining = count, Delay = delay });

    public void DelayNext(Func<RecordedDiscordRequest, bool> predicate, TimeSpan delay, int count = 1) =>
        AddFault(new FakeDiscordFault
        {
            Matches = FakeDiscordFault.ForRequest(predicate),
            Remaining = count,
            Delay = delay,
        });

    /// <summary>The next requests on an id get a 429 with <paramref name="retryAfter"/>; a global one limits every
    /// route.</summary>
    public void RateLimitNext(string majorId, TimeSpan retryAfter, bool global = false, int count = 1) =>
        AddFault(new FakeDiscordFault
        {
            Matches = FakeDiscordFault.ForId(majorId),
            Remaining = count,
            RetryAfter = retryAfter,
            Global = global,
        });

    /// <summary>Waits (real time) until <paramref name="condition"/> holds, re-checking on every request and
    /// message change. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<FakeDiscord, bool> condition, TimeSpan? timeout = null)
    {
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
                    $"FakeDiscord: condition not met; {Requests.Count} requests, {Messages.Count} messages so far.",
                    ex);
            }
        }
    }

    public Task WaitForRequestsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(d => d.Requests.Count(r => r.Status != 0) >= count, timeout);

    public Task WaitForMessagesAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(d => d.Messages.Count >= count, timeout);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void AddFault(FakeDiscordFault fault)
    {
        lock (gate)
        {
            faults.Add(fault);
        }
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
