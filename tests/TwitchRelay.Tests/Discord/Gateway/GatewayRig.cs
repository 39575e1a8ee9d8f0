using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Discord.Gateway;
using TwitchRelay.Discord;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Discord.Gateway;

/// <summary>The fake gateway on loopback and the real gateway session, on a shared FakeTimeProvider so heartbeats
/// happen only when a test advances time. Jitter is fixed at one half.</summary>
internal sealed class GatewayRig : IAsyncDisposable
{
    private GatewayRig(FakeDiscordGateway server, ServiceProvider services, FakeTimeProvider time)
    {
        Server = server;
        Services = services;
        Time = time;
    }

    public FakeDiscordGateway Server { get; }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; private set; } = null!;

    public RecordingListener Listener => Services.GetRequiredService<RecordingListener>();

    public IBotGuilds Guilds => Services.GetRequiredService<IBotGuilds>();

    public DiscordGatewayService Gateway => Services.GetRequiredService<DiscordGatewayService>();

    public static async Task<GatewayRig> StartAsync(
        Action<FakeDiscordGatewayOptions>? configure = null,
        string? botToken = "fake-bot-token",
        TimeSpan? maxBackoff = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var server = await FakeDiscordGateway.StartAsync(time);
        configure?.Invoke(server.Options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = botToken,
            ["Discord:GatewayUrl"] = server.GatewayUrl,
        }).Build();

        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section));
        services.AddSingleton(new GatewayTuning
        {
            FirstBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = maxBackoff ?? TimeSpan.FromSeconds(4),
            Jitter = () => 0.5,
        });
        services.AddSingleton<RecordingListener>();
        services.AddSingleton<IGatewayDispatchListener>(provider => provider.GetRequiredService<RecordingListener>());
        services.AddDiscordGateway();

        var provider = services.BuildServiceProvider();
        var rig = new GatewayRig(server, provider, time);
        rig.Logs = logs;
        await provider.GetRequiredService<DiscordGatewayService>().StartAsync(TestContext.Current.CancellationToken);
        return rig;
    }

    /// <summary>Waits for the first READY to reach the client.</summary>
    public Task WaitForReadyAsync(int count = 1) =>
        Server.WaitUntilAsync(() => Listener.Types.Count(t => t == "READY") >= count);

    /// <summary>Advances the clock in small steps until <paramref name="condition"/> holds (for back-off waits).
    /// </summary>
    public Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step) =>
        Server.WaitUntilAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            Time.Advance(step);
            return false;
        });

    public async ValueTask DisposeAsync()
    {
        await Gateway.StopAsync(CancellationToken.None);
        await FakeTimeDisposal.DisposeAsync(Services, Services.GetService<TimeProvider>());
        await Server.DisposeAsync();
    }

}

/// <summary>Records every dispatch the gateway hands to listeners.</summary>
internal sealed class RecordingListener : IGatewayDispatchListener
{
    private readonly ConcurrentQueue<GatewayDispatch> dispatches = new();

    public IReadOnlyList<GatewayDispatch> Dispatches => [.. dispatches];

    public IReadOnlyList<string> Types => [.. dispatches.Select(d => d.Type)];

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        dispatches.Enqueue(dispatch);
        return ValueTask.CompletedTask;
    }
}
