using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;
using static TwitchRelay.Tests.Streams.StreamPostTests;

namespace TwitchRelay.Tests.Streams;

/// <summary>What the go-live post reads from Helix (title, game, avatar, VOD) through the fake Twitch, and what it
/// does when Twitch fails.</summary>
public class StreamHelixTests
{
    private const string ClientId = "relayclientid0000000000000000";
    private const string ClientSecret = "relay-client-secret-0000000000";

    [Fact]
    public async Task GoLivePostShowsTitleGameAndAvatarReadFromTwitch()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StartTwitchAsync(time);
        twitch.SetChannel(StreamBodies.BroadcasterId, "Speedrun practice, day 3", "Celeste");
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);

        var post = pipeline.Discord.Requests.Single(x => x.Method == "POST");
        using var body = JsonDocument.Parse(post.Body);
        var embed = body.RootElement.GetProperty("embeds")[0];
        Assert.Equal("Speedrun practice, day 3", embed.GetProperty("title").GetString());
        Assert.Contains("Celeste", embed.GetProperty("fields").GetRawText(), StringComparison.Ordinal);
        var avatar = twitch.Users.Single(x => x.Id == StreamBodies.BroadcasterId).ProfileImageUrl;
        Assert.Equal(avatar, embed.GetProperty("author").GetProperty("icon_url").GetString());
        Assert.Contains("Speedrun practice", body.RootElement.GetProperty("content").GetString(),
            StringComparison.Ordinal);
        Assert.Contains(twitch.Requests, x => x.Path == "/helix/channels" && x.Query.Contains(
            "broadcaster_id=" + StreamBodies.BroadcasterId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwitchFailingDoesNotLoseTheGoLivePost()
    {
        // The system clock here: Twitch's 503s are retried with real back-off before the post gives up on them.
        await using var twitch = await StartTwitchAsync(TimeProvider.System);
        twitch.SetChannel(StreamBodies.BroadcasterId, "Never shown", "Celeste");
        twitch.FailNext(503, count: 100, pathContains: "/helix/");
        await using var pipeline = await Pipeline.StartAsync(
            Pipeline.Rules(LiveAlert()),
            configure: settings => WithTwitch(settings, twitch));

        await pipeline.SendAsync(StreamBodies.Online("1001", DateTimeOffset.UtcNow));
        await SettledAsync(pipeline, inbox: 1);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("Ember\\\\_Hollow is live!", message.EmbedsJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Never shown", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains(
            twitch.Requests,
            x => x.Path.StartsWith("/helix/", StringComparison.Ordinal) && x.Status == 503);
    }

    [Fact]
    public async Task AVodFoundForAStateTheDispatcherHasSinceMovedOnIsNotWritten()
    {
        // Arrange: the watcher reads the ended stream's row; before it writes, the channel goes live again.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());
        var watcher = pipeline.Host.Services.GetRequiredService<StreamVodWatcher>();
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        var ct = TestContext.Current.CancellationToken;
        await StreamEndedAfter75MinutesAsync(pipeline, time);
        await using var watcherDb = await contexts.CreateDbContextAsync(ct);
        var read = await watcherDb.StreamStates.SingleAsync(ct);
        time.Advance(TimeSpan.FromMinutes(30));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        // Act
        var written = await watcher.RecordAsync(
            watcherDb,
            read,
            "https://www.twitch.tv/videos/1",
            time.GetUtcNow(),
            ct);

        // Assert: the new stream's row is untouched and no edit was queued for the old post.
        Assert.Equal(0, written);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var state = await db.StreamStates.SingleAsync(ct);
        Assert.True(state.IsLive);
        Assert.Null(state.VodUrl);
        Assert.Equal(3, await db.Inbox.CountAsync(ct));
    }

    [Fact]
    public async Task TheVodWatcherWaitsWhileTheDispatcherHoldsTheStreamRows()
    {
        // Arrange: an ended stream whose VOD Twitch lists; the stream rows are held as a dispatcher batch holds them.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());
        var watcher = pipeline.Host.Services.GetRequiredService<StreamVodWatcher>();
        var gate = pipeline.Host.Services.GetRequiredService<StreamStateGate>();
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        var ct = TestContext.Current.CancellationToken;
        await StreamEndedAfter75MinutesAsync(pipeline, time);
        twitch.AddArchive(StreamBodies.BroadcasterId, "1001", "2200000001", time.GetUtcNow());

        // Act
        Task<int> check;
        string? vodWhileHeld;
        using (await gate.EnterAsync(ct))
        {
            check = watcher.CheckAsync(ct);
            await Task.Delay(300, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            vodWhileHeld = (await db.StreamStates.SingleAsync(ct)).VodUrl;
        }

        var found = await check;

        // Assert: nothing written while held; written once released.
        Assert.Null(vodWhileHeld);
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task TheDispatcherWaitsWhileTheVodWatcherHoldsTheStreamRows()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());
        var gate = pipeline.Host.Services.GetRequiredService<StreamStateGate>();
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        var ct = TestContext.Current.CancellationToken;

        int handledWhileHeld;
        using (await gate.EnterAsync(ct))
        {
            await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
            await Task.Delay(300, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            handledWhileHeld = await db.Inbox.CountAsync(x => x.ProcessedAt != null, ct);
        }

        await SettledAsync(pipeline, inbox: 1);

        Assert.Equal(0, handledWhileHeld);
        Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
    }

    [Fact]
    public async Task EndedPostIsEditedAgainWhenTheVodAppears()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert(), LiveAlert(Pipeline.PollsChannel,
            "none"));
        var watcher = pipeline.Host.Services.GetRequiredService<StreamVodWatcher>();
        var ct = TestContext.Current.CancellationToken;

        await StreamEndedAfter75MinutesAsync(pipeline, time);
        var notYet = await watcher.CheckAsync(ct);
        var ended = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel).Single();
        var url = twitch.AddArchive(StreamBodies.BroadcasterId, "1001", "2200000001", time.GetUtcNow());
        var found = await watcher.CheckAsync(ct);
        await SettledAsync(pipeline, inbox: 3);
        var again = await watcher.CheckAsync(ct);

        Assert.Equal((0, 1, 0), (notYet, found, again));
        Assert.Contains("not available yet", ended.EmbedsJson, StringComparison.Ordinal);
        var withVod = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Equal(2, withVod.EditCount);
        Assert.Contains(url, withVod.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains("was live for 1 hour 15 minutes", withVod.Content, StringComparison.Ordinal);
        Assert.Equal(0, Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel)).EditCount);
        var lastEdit = pipeline.Discord.Requests.Last(x => x.Method == "PATCH");
        Assert.Contains("Watch VOD", lastEdit.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamBackWithinTheGraceGetsTheVodOfItsSecondPart()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());
        var watcher = pipeline.Host.Services.GetRequiredService<StreamVodWatcher>();
        var ct = TestContext.Current.CancellationToken;
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(60));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
        var first = twitch.AddArchive(StreamBodies.BroadcasterId, "1001", "2200000001", time.GetUtcNow());
        await watcher.CheckAsync(ct);
        await SettledAsync(pipeline, inbox: 3);

        time.Advance(TimeSpan.FromMinutes(4));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 4);
        time.Advance(TimeSpan.FromMinutes(30));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 5);
        var notYet = await watcher.CheckAsync(ct);
        var endedAgain = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel).Single();
        var second = twitch.AddArchive(StreamBodies.BroadcasterId, "1002", "2200000002", time.GetUtcNow());
        var found = await watcher.CheckAsync(ct);
        await SettledAsync(pipeline, inbox: 6);

        Assert.Equal((0, 1), (notYet, found));
        Assert.Contains(first, endedAgain.EmbedsJson, StringComparison.Ordinal);
        var post = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains(second, post.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains("was live for 1 hour 34 minutes", post.Content, StringComparison.Ordinal);
    }

    /// <summary>Stream 1001 goes live, and ends 75 minutes later; both notifications handled.</summary>
    private static async Task StreamEndedAfter75MinutesAsync(Pipeline pipeline, FakeTimeProvider time)
    {
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(75));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
    }

    internal static async Task<FakeTwitch> StartTwitchAsync(TimeProvider time)
    {
        var twitch = await FakeTwitch.StartAsync(ClientId, ClientSecret, time);
        twitch.AddUser(StreamBodies.BroadcasterId, StreamBodies.Login, StreamBodies.Name);
        return twitch;
    }

    internal static void WithTwitch(Infrastructure.TestSettings settings, FakeTwitch twitch) =>
        settings
            .With("Twitch:ClientId", ClientId)
            .With("Twitch:ClientSecret", ClientSecret)
            .With("Twitch:ApiBaseUrl", twitch.ApiBaseUrl)
            .With("Twitch:AuthBaseUrl", twitch.AuthBaseUrl);

    internal static Task<Pipeline> StartAsync(FakeTimeProvider time, FakeTwitch twitch, params string[] alerts) =>
        Pipeline.StartAsync(Pipeline.Rules(alerts), time: time, configure: settings => WithTwitch(settings, twitch));
}
