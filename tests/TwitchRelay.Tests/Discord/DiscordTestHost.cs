using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Discord;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Discord;

/// <summary>A FakeDiscord on loopback and a DiscordRestClient built by AddDiscordRest, sharing one FakeTimeProvider,
/// with every log line captured.</summary>
internal sealed class DiscordTestHost : IAsyncDisposable
{
    public const string BotToken = "bot-token-SECRET-1234";
    public const string ChannelId = "200000000000000001";
    public const string OtherChannelId = "200000000000000002";
    public const string WebhookId = "300000000000000001";
    public const string WebhookToken = "webhook-token-SECRET_abc.def";

    private readonly ServiceProvider services;

    private DiscordTestHost(
        FakeDiscord fake,
        FakeTimeProvider time,
        ServiceProvider services,
        CapturingLoggerProvider logs)
    {
        Fake = fake;
        Time = time;
        this.services = services;
        Logs = logs;
    }

    public FakeDiscord Fake { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public DiscordRestClient Client => services.GetRequiredService<DiscordRestClient>();

    public TwitchRelay.Discord.Guilds.DiscordGuildClient Guilds =>
        services.GetRequiredService<TwitchRelay.Discord.Guilds.DiscordGuildClient>();

    public static ChannelTarget Channel => new(ChannelId);

    public static ChannelTarget OtherChannel => new(OtherChannelId);

    public static WebhookTarget Webhook => new(WebhookId, WebhookToken);

    public static async Task<DiscordTestHost> StartAsync(
        bool withBotToken = true,
        DiscordRestTuning? tuning = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var fake = await FakeDiscord.StartAsync(new FakeDiscordOptions { BotToken = BotToken, TimeProvider = time });
        fake.AddChannel(ChannelId);
        fake.AddChannel(OtherChannelId);
        fake.AddWebhook(WebhookId, WebhookToken, ChannelId);

        var settings = new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl };
        if (withBotToken)
        {
            settings["Discord:BotToken"] = BotToken;
        }

        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddSingleton<TimeProvider>(time);
        if (tuning is not null)
        {
            collection.AddSingleton(tuning);
        }

        collection.AddDiscordRest();
        return new DiscordTestHost(fake, time, collection.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>Runs a call that waits on the clock: advances the fake clock in small steps while the fake Discord is
    /// not busy answering, until the call completes. Fails after 30 s of real time.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call)
    {
        var watch = Stopwatch.StartNew();
        while (!call.IsCompleted)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the call did not complete while time was driven");
            if (Fake.BusyRequests == 0)
            {
                Time.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.WhenAny(call, Task.Delay(5, TestContext.Current.CancellationToken));
        }

        return await call;
    }

    /// <summary>Waits (real time, at most 10 s) until a log event with <paramref name="eventId"/> was written.
    /// </summary>
    public async Task WaitForLogAsync(int eventId)
    {
        var watch = Stopwatch.StartNew();
        while (!Logs.Entries.Any(l => l.EventId == eventId))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"log event {eventId} was not written");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FakeTimeDisposal.DisposeAsync(services, services.GetService<TimeProvider>());
        await Fake.DisposeAsync();
    }
}
