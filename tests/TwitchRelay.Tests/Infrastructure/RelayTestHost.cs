using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TwitchRelay.Discord;
using TwitchRelay.Hosting;

namespace TwitchRelay.Tests.Infrastructure;

/// <summary>The real service on real Kestrel (127.0.0.1, a free port) over a real database file, configured like
/// a user would, with Discord pointed at a fake. Start it again over the same folder to test a restart.</summary>
public sealed class RelayTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RelayTestHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">The configuration.</param>
    /// <param name="time">A clock for the service (a FakeTimeProvider); the system clock when null.</param>
    /// <param name="configure">Extra service registrations (tuning), applied after the defaults.</param>
    public static async Task<RelayTestHost> StartAsync(
        TestSettings settings,
        TimeProvider? time = null,
        Action<IServiceCollection>? configure = null)
    {
        var app = RelayHost.BuildServer(settings.Build(), services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }

            // Discord's real back-off (seconds) would only make these tests slow.
            services.AddSingleton(new DiscordRestTuning
            {
                TransientBaseDelay = TimeSpan.FromMilliseconds(50),
                AttemptTimeout = TimeSpan.FromSeconds(5),
            });
            configure?.Invoke(services);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new RelayTestHost(app, new Uri(address));
    }

    public async Task StopAsync()
    {
        await app.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync(CancellationToken.None);

        // Read from the service itself: tests register their fake time in more than one way.
        await FakeTimeDisposal.DisposeAsync(app, app.Services.GetService<TimeProvider>());
    }
}

/// <summary>The configuration a test host runs with: a fresh folder for the database and keys.</summary>
public sealed class TestSettings : IDisposable
{
    private readonly Dictionary<string, string?> values;

    public TestSettings(string? discordApiBaseUrl = null, string? botToken = TestSecrets.BotToken)
    {
        Folder = Directory.CreateTempSubdirectory("twitchrelay-test-").FullName;
        values = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Folder, "relay.db")}",
            ["DataProtection:KeysPath"] = Path.Combine(Folder, "keys"),
            ["Twitch:EventSubSecret"] = TestSecrets.EventSub,
            ["Discord:BotToken"] = botToken,
            ["Discord:ApiBaseUrl"] = discordApiBaseUrl ?? "http://127.0.0.1:9/api/v10",
            // No test reaches the internet: every other base URL points at a closed port unless a test sets a fake.
            ["Twitch:ApiBaseUrl"] = "http://127.0.0.1:9/helix",
            ["Twitch:AuthBaseUrl"] = "http://127.0.0.1:9/oauth2",
            ["EventSub:WebSocketUrl"] = "ws://127.0.0.1:9/ws",
            ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway?v=10&encoding=json",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Delivery:FirstRetryDelay"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public string Folder { get; }

    public TestSettings With(string key, string? value)
    {
        values[key] = value;
        return this;
    }

    public IReadOnlyDictionary<string, string?> Build() => new Dictionary<string, string?>(values);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopped host's pool: the temp folder is cleaned by the OS later.
        }
    }
}
