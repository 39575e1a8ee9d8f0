using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;
using static TwitchRelay.Tests.Streams.StreamPostTests;

namespace TwitchRelay.Tests.Streams;

/// <summary>A stream whose stream.offline was lost is ended once Get Streams (on the fake Twitch) has not listed it
/// in two looks five minutes apart; a stream Twitch lists, or leaves out only once, keeps its live post. The looks
/// are made by calling the reconciler at chosen fake times, under its own 15-minute period.</summary>
public class StreamStateReconcilerTests
{
    [Fact]
    public async Task AStreamTwitchStopsListingIsEndedAfterTheSecondLookWithoutALateOfflineMessage()
    {
        // Arrange: a go-live whose offline never comes; a stream.offline rule and a "message" action would both post
        // a "went offline" message for a real offline.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert(), LiveAlert(Pipeline.PollsChannel,
            offlineAction: "message"), $$"""{ "event": "stream.offline", "channelId": "{{Pipeline.PollsChannel}}" }""");
        var reconciler = await LiveAsync(pipeline, time);
        var ct = TestContext.Current.CancellationToken;

        // Act
        time.Advance(TimeSpan.FromMinutes(6));
        var first = await reconciler.CheckAsync(ct);
        time.Advance(TimeSpan.FromMinutes(5));
        var second = await reconciler.CheckAsync(ct);
        await SettledAsync(pipeline, inbox: 2);
        var third = await reconciler.CheckAsync(ct);

        // Assert
        Assert.Equal(((1, 0), (0, 1), (0, 0)), (first, second, third));
        var post = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("was live for a while", post.Content, StringComparison.Ordinal);
        Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel)); // the second rule's go-live post only
        await using var db = Db(pipeline);
        var state = await db.StreamStates.SingleAsync(ct);
        Assert.False(state.IsLive);
        Assert.Null(state.VodSearchUntil);
        Assert.Contains(
            await OutcomesAsync(pipeline),
            x => x.Contains("Twitch no longer lists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewStreamAfterANoticedEndIsANewPostThatPingsEvenIfItStartedBeforeTheNotice()
    {
        // Arrange: stream 1001's end is noticed at the second look; stream 1002 started 10 s before that look, and
        // its stream.online arrives 20 s after it started.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());
        var reconciler = await LiveAsync(pipeline, time);
        var ct = TestContext.Current.CancellationToken;
        time.Advance(TimeSpan.FromMinutes(6));
        await reconciler.CheckAsync(ct);
        time.Advance(TimeSpan.FromMinutes(5));
        var secondStarted = time.GetUtcNow() - TimeSpan.FromSeconds(10);
        await reconciler.CheckAsync(ct);
        await SettledAsync(pipeline, inbox: 2);

        // Act
        time.Advance(TimeSpan.FromSeconds(10));
        await pipeline.SendAsync(StreamBodies.Online("1002", secondStarted));
        await SettledAsync(pipeline, inbox: 3);

        // Assert: 1001's last sign of life was its start, 11 minutes before 1002's: a new post, with its ping.
        var messages = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel);
        Assert.Equal(2, messages.Count);
        Assert.Contains("was live for a while", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("?stream=1002", messages[1].EmbedsJson, StringComparison.Ordinal);
        Assert.Contains($"<@&{Pipeline.LiveRole}>", messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamTwitchListsOrLeavesOutOnlyOnceKeepsItsLivePost()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, LiveAlert());
        var reconciler = await LiveAsync(pipeline, time);
        var ct = TestContext.Current.CancellationToken;

        // Act: left out once (a cache blip), listed at the next look, left out again at the one after.
        time.Advance(TimeSpan.FromMinutes(6));
        var missedOnce = await reconciler.CheckAsync(ct);
        twitch.GoLive(StreamBodies.BroadcasterId, "1001", time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(5));
        var listed = await reconciler.CheckAsync(ct);
        twitch.EndStream(StreamBodies.BroadcasterId);
        time.Advance(TimeSpan.FromMinutes(3));
        var missedAgain = await reconciler.CheckAsync(ct);

        // Assert: never two looks in a row without it, so the post stays live.
        Assert.Equal(((1, 0), (0, 0), (1, 0)), (missedOnce, listed, missedAgain));
        await using var db = Db(pipeline);
        Assert.True((await db.StreamStates.SingleAsync(ct)).IsLive);
        Assert.Equal(1, await db.Inbox.CountAsync(ct));
        Assert.Equal(0, Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel)).EditCount);
    }

    [Fact]
    public async Task WithoutTwitchCredentialsNothingIsEnded()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StreamPostTests.StartAsync(time, LiveAlert());
        var reconciler = await LiveAsync(pipeline, time);
        var ct = TestContext.Current.CancellationToken;

        time.Advance(TimeSpan.FromMinutes(6));
        var first = await reconciler.CheckAsync(ct);
        time.Advance(TimeSpan.FromMinutes(6));
        var second = await reconciler.CheckAsync(ct);

        Assert.Equal(((0, 0), (0, 0)), (first, second));
        await using var db = Db(pipeline);
        Assert.True((await db.StreamStates.SingleAsync(ct)).IsLive);
    }

    /// <summary>Stream 1001 goes live (its offline will never come); returns the reconciler to look with.</summary>
    internal static async Task<StreamStateReconciler> LiveAsync(Pipeline pipeline, FakeTimeProvider time)
    {
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        return pipeline.Host.Services.GetRequiredService<StreamStateReconciler>();
    }

    private static Task<Pipeline> StartAsync(FakeTimeProvider time, FakeTwitch twitch, params string[] alerts) =>
        Pipeline.StartAsync(Pipeline.Rules(alerts), time: time,
            configure: settings => StreamHelixTests.WithTwitch(settings, twitch));

    private static RelayDbContext Db(Pipeline pipeline) =>
        pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
}
