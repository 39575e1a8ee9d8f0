using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.EventSub.WebSocket;

namespace TwitchRelay.Tests.Twitch.WebSocket;

/// <summary>The fake EventSub WebSocket server on loopback, and the real transport writing to a real inbox in a
/// temporary SQLite file. Back-off is shortened so reconnects happen at once.</summary>
internal sealed class WebSocketRig : IAsyncDisposable
{
    private readonly string folder;
    private readonly List<(CancellationTokenSource Stop, Task Run)> running = [];

    private WebSocketRig(FakeEventSubWebSocket server, ServiceProvider services, string folder)
    {
        Server = server;
        Services = services;
        this.folder = folder;
        Accounts = (RecordingEventSubAccounts)services.GetRequiredService<IEventSubSessionSubscriber>();
    }

    public FakeEventSubWebSocket Server { get; }

    public ServiceProvider Services { get; }

    public RecordingEventSubAccounts Accounts { get; }

    public static async Task<WebSocketRig> StartAsync(
        TimeProvider? time = null,
        Action<FakeEventSubWebSocketOptions>? configure = null,
        string transport = "websocket")
    {
        var server = await FakeEventSubWebSocket.StartAsync(time);
        configure?.Invoke(server.Options);
        var folder = Directory.CreateTempSubdirectory("twitchrelay-ws-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "relay.db")}",
            ["EventSub:Transport"] = transport,
            ["EventSub:WebSocketUrl"] = server.Url,
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddRelayStorage(configuration);
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxWriter>();
        services.AddOptions<EventSubOptions>().Bind(configuration.GetSection(EventSubOptions.Section));
        var accounts = new RecordingEventSubAccounts(server);
        services.AddSingleton<IEventSubSessionSubscriber>(accounts);
        services.AddSingleton<IEventSubAccountSource>(accounts);
        services.AddSingleton(new EventSubWebSocketTuning
        {
            FirstBackoff = TimeSpan.FromMilliseconds(50),
            MaxBackoff = TimeSpan.FromMilliseconds(500),
        });
        services.AddEventSubWebSocket();

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        await provider.GetRequiredService<InboxWriter>().StartAsync(TestContext.Current.CancellationToken);
        return new WebSocketRig(server, provider, folder);
    }

    /// <summary>Runs one broadcaster's connection until the returned source is cancelled (or the rig disposed).
    /// </summary>
    public (CancellationTokenSource Stop, Task Run) StartConnection(string broadcasterId)
    {
        var connection = Services.GetRequiredService<EventSubWebSocketConnectionFactory>().Create(broadcasterId);
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => connection.RunAsync(stop.Token));
        running.Add((stop, run));
        return (stop, run);
    }

    /// <summary>Starts a connection and waits for its first subscribed session; returns that session's id.</summary>
    public async Task<string> ConnectAndSubscribeAsync(string broadcasterId = "583920147")
    {
        StartConnection(broadcasterId);
        await Server.WaitUntilAsync(() => Accounts.Calls.Count >= 1);
        return Accounts.Calls[0].SessionId;
    }

    public async Task<List<InboxNotification>> InboxAsync()
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Inbox.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public Task<List<InboxNotification>> InboxUntilAsync(Func<List<InboxNotification>, bool> done) =>
        Eventually.UntilAsync(InboxAsync, done);

    /// <summary>Twitch closes with 4001 on any frame from the client; the transport must never send one.</summary>
    public void AssertClientSentNothing()
    {
        Assert.DoesNotContain(Server.Records, r => r.Kind is FakeEventSubRecordKind.ClientSentText
            or FakeEventSubRecordKind.ClientSentBinary);
        Assert.DoesNotContain(Server.Sessions, s => s.CloseCode == 4001);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in running)
        {
            await stop.CancelAsync();
            await run;
            stop.Dispose();
        }

        await Services.GetRequiredService<InboxWriter>().StopAsync(CancellationToken.None);
        await FakeTimeDisposal.DisposeAsync(Services, Services.GetService<TimeProvider>());
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the OS cleans temp folders.
        }
    }
}
