using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Streams;

/// <summary>The go-live post's life through the real pipeline: signed notifications in, Discord requests out, one
/// FakeTimeProvider for the service and the fake Discord.</summary>
public class StreamPostTests
{
    private const string Role = Pipeline.LiveRole;

    [Fact]
    public async Task StreamOnlineSentTwiceUnderNewMessageIdsIsOnePostThatPingsOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());
        var online = StreamBodies.Online("1001", time.GetUtcNow());

        await pipeline.SendAsync(online);
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(1));
        await pipeline.SendAsync(online);
        await pipeline.SendAsync(online);
        await SettledAsync(pipeline, inbox: 3);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Equal(0, message.EditCount);
        Assert.Contains($"<@&{Role}>", message.Content, StringComparison.Ordinal);
        var post = Assert.Single(pipeline.Discord.Requests, x => x.Method == "POST");
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal([Role], body.RootElement.GetProperty("allowed_mentions").GetProperty("roles")
            .EnumerateArray().Select(x => x.GetString()));
        var embed = body.RootElement.GetProperty("embeds")[0];
        Assert.EndsWith("live_user_ember_hollow-1280x720.jpg?stream=1001",
            embed.GetProperty("image").GetProperty("url").GetString(), StringComparison.Ordinal);
        var button = body.RootElement.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal("Watch", button.GetProperty("label").GetString());
        Assert.Equal("https://www.twitch.tv/ember_hollow", button.GetProperty("url").GetString());
        Assert.Contains(
            await OutcomesAsync(pipeline),
            x => x.Contains("already has its post", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamBackWithinTheGraceReusesItsPostWithoutPinging()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(90));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
        var ended = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel).Single();
        time.Advance(TimeSpan.FromMinutes(4));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        Assert.Contains("was live for 1 hour 30 minutes", ended.Content, StringComparison.Ordinal);
        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Equal(2, message.EditCount);
        Assert.Contains("is live", message.Content, StringComparison.Ordinal);
        Assert.Contains("?stream=1002", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Single(pipeline.Discord.Requests, x => x.Method == "POST");
        var backToLive = pipeline.Discord.Requests.Last(x => x.Method == "PATCH");
        using var body = JsonDocument.Parse(backToLive.Body);
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("roles").GetArrayLength());
    }

    [Fact]
    public async Task StreamBackAfterTheGraceIsANewPostThatPingsAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(30));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
        time.Advance(TimeSpan.FromMinutes(11));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        var messages = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel);
        Assert.Equal(2, messages.Count);
        Assert.Contains("was live for 30 minutes", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("?stream=1002", messages[1].EmbedsJson, StringComparison.Ordinal);
        var posts = pipeline.Discord.Requests.Where(x => x.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, post => Assert.Contains($"\"roles\":[\"{Role}\"]", post.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGraceOfZeroMakesEveryReturnANewPost()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert(), grace: "00:00:00");

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(3));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
        time.Advance(TimeSpan.FromMinutes(1));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        Assert.Equal(2, pipeline.Discord.MessagesIn(Pipeline.AlertsChannel).Count);
    }

    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("00:05:00", 5)]
    public async Task AReturnExactlyAtTheGraceIsANewPostThatPings(string grace, int minutes)
    {
        // Whole seconds: Twitch's started_at has none, so the return can start exactly at the grace's end.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var pipeline = await StartAsync(time, LiveAlert(), grace);

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(20));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
        time.Advance(TimeSpan.FromMinutes(minutes));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        Assert.Equal(2, pipeline.Discord.MessagesIn(Pipeline.AlertsChannel).Count);
        var posts = pipeline.Discord.Requests.Where(x => x.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, post => Assert.Contains($"\"roles\":[\"{Role}\"]", post.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewStreamAfterAMissedOfflineIsANewPostThatPingsAndEndsTheOldOne()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        // The relay was down when stream 1001 ended: its stream.offline never arrives.
        time.Advance(TimeSpan.FromHours(20));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3); // the go-live, and the relay's own row for ending the old post

        var messages = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel);
        Assert.Equal(2, messages.Count);
        Assert.Contains("was live for a while", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("?stream=1002", messages[1].EmbedsJson, StringComparison.Ordinal);
        var posts = pipeline.Discord.Requests.Where(x => x.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, post => Assert.Contains($"\"roles\":[\"{Role}\"]", post.Body, StringComparison.Ordinal));
        Assert.Contains(await OutcomesAsync(pipeline), x => x.Contains("missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AfterAMissedOfflineADeleteRuleDeletesTheOldPostAndPostsTheNewStream()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert(offlineAction: "delete"));

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        var oldPost = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel)).Id;
        time.Advance(TimeSpan.FromHours(20));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.NotEqual(oldPost, message.Id);
        Assert.Contains("?stream=1002", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains($"<@&{Role}>", message.Content, StringComparison.Ordinal);
        Assert.Contains(pipeline.Discord.Requests,
            x => x.Method == "DELETE" && x.Path.EndsWith($"/messages/{oldPost}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewStreamIdWithinTheGraceOfTheLastKnownActivityKeepsThePostWithoutPinging()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(50));
        await pipeline.SendAsync(StreamBodies.Update("Second half", "Celeste"));
        await SettledAsync(pipeline, inbox: 2);
        // The stream dropped and came back under a new id; its offline is late (or lost).
        time.Advance(TimeSpan.FromMinutes(6));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("?stream=1002", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Single(pipeline.Discord.Requests, x => x.Method == "POST");
        Assert.Contains("\"roles\":[]", pipeline.Discord.Requests.Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineArrivingBeforeItsOnlinePostsNothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());
        var startedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(45));

        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 1);
        await pipeline.SendAsync(StreamBodies.Online("1001", startedAt));
        await SettledAsync(pipeline, inbox: 2);

        Assert.Empty(pipeline.Discord.Requests);
        Assert.Contains(await OutcomesAsync(pipeline), x => x.Contains("it has ended", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TitleAndGameChangesEditTheLivePostAndAreRememberedWhileOffline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());

        await pipeline.SendAsync(StreamBodies.Update("Cozy morning", "Just Chatting"));
        await SettledAsync(pipeline, inbox: 1);
        Assert.Empty(pipeline.Discord.Requests);
        time.Advance(TimeSpan.FromMinutes(1));
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 2);
        var posted = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel).Single();
        time.Advance(TimeSpan.FromMinutes(20));
        await pipeline.SendAsync(StreamBodies.Update("Boss rush *tonight*", "Elden Ring"));
        await SettledAsync(pipeline, inbox: 3);

        Assert.Contains("Cozy morning", posted.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains("Just Chatting", posted.EmbedsJson, StringComparison.Ordinal);
        var edited = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Equal(1, edited.EditCount);
        Assert.Contains(@"Boss rush \\*tonight\\*", edited.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains("Elden Ring", edited.EmbedsJson, StringComparison.Ordinal);
        var patch = pipeline.Discord.Requests.Single(x => x.Method == "PATCH");
        Assert.Contains("\"roles\":[]", patch.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATitleChangeThatOvertakesTheFirstPostKeepsItsPing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert());
        // A long 429 hands the go-live back to the outbox for a retry a minute later.
        pipeline.Discord.RateLimitNext(Pipeline.AlertsChannel, TimeSpan.FromSeconds(60));
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await pipeline.Discord.WaitForRequestsAsync(1);
        // The title changes while the go-live waits: both states of the post are pending, no message exists yet.
        await pipeline.SendAsync(StreamBodies.Update("Boss rush", "Elden Ring"));
        await Eventually.UntilAsync(
            async () =>
            {
                await using var db = contexts.CreateDbContext();
                return await db.Deliveries.Select(x => x.Attempts).ToListAsync();
            },
            attempts => attempts.Count == 2 && attempts.Contains(1));
        time.Advance(TimeSpan.FromSeconds(61));
        await SettledAsync(pipeline, inbox: 2);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("Boss rush", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains($"<@&{Role}>", message.Content, StringComparison.Ordinal);
        var created = pipeline.Discord.Requests.Last(x => x.Method == "POST");
        using var body = JsonDocument.Parse(created.Body);
        Assert.Equal([Role], body.RootElement.GetProperty("allowed_mentions").GetProperty("roles")
            .EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task EachOfflineActionDoesWhatItSays()
    {
        const string deleteChannel = "910000000000000011";
        const string messageChannel = "910000000000000012";
        const string noneChannel = "910000000000000013";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(
            time,
            LiveAlert(),
            LiveAlert(deleteChannel, "delete"),
            LiveAlert(messageChannel, "message"),
            LiveAlert(noneChannel, "none"),
            $$"""{ "event": "stream.offline", "channelId": "{{Pipeline.PollsChannel}}" }""");
        pipeline.Discord.AddChannel(deleteChannel);
        pipeline.Discord.AddChannel(messageChannel);
        pipeline.Discord.AddChannel(noneChannel);

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(62));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);

        var edited = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("was live for 1 hour 2 minutes", edited.Content, StringComparison.Ordinal);
        Assert.Contains("not available yet", edited.EmbedsJson, StringComparison.Ordinal);
        Assert.Empty(pipeline.Discord.MessagesIn(deleteChannel));
        Assert.Single(pipeline.Discord.Messages, x => x.ChannelId == deleteChannel && x.Deleted);
        var both = pipeline.Discord.MessagesIn(messageChannel);
        Assert.Equal(2, both.Count);
        Assert.Equal(0, both[0].EditCount);
        Assert.Contains("went offline after 1 hour 2 minutes", both[1].Content, StringComparison.Ordinal);
        var untouched = Assert.Single(pipeline.Discord.MessagesIn(noneChannel));
        Assert.Equal(0, untouched.EditCount);
        Assert.Contains("went offline", Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel)).Content,
            StringComparison.Ordinal);
        using var activity = new StringWriter();
        await Cli.RelayCli.RunAsync(["activity"], pipeline.Settings.Build(), activity, TextWriter.Null);
        Assert.Contains("(deletes the go-live post)", activity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletedPostIsPostedAgainWithoutAPingWhenTheStreamReturnsWithinTheGrace()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var pipeline = await StartAsync(time, LiveAlert(offlineAction: "delete"));

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(10));
        await pipeline.SendAsync(StreamBodies.Offline());
        await SettledAsync(pipeline, inbox: 2);
        Assert.Empty(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        time.Advance(TimeSpan.FromMinutes(2));
        await pipeline.SendAsync(StreamBodies.Online("1002", time.GetUtcNow()));
        await SettledAsync(pipeline, inbox: 3);

        var again = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("?stream=1002", again.EmbedsJson, StringComparison.Ordinal);
        var repost = pipeline.Discord.Requests.Last(x => x.Method == "POST");
        Assert.Contains("\"roles\":[]", repost.Body, StringComparison.Ordinal);
    }

    internal static string LiveAlert(string channel = Pipeline.AlertsChannel, string? offlineAction = null) =>
        $$"""
        { "event": "stream.online", "channelId": "{{channel}}", "mentionRoleIds": ["{{Role}}"]
          {{(offlineAction is null ? "" : $", \"offlineAction\": \"{offlineAction}\"")}} }
        """;

    internal static async Task<Pipeline> StartAsync(FakeTimeProvider time, params string[] alerts) =>
        await StartAsync(time, alerts, grace: null);

    private static async Task<Pipeline> StartAsync(FakeTimeProvider time, string alert, string? grace) =>
        await StartAsync(time, [alert], grace);

    private static async Task<Pipeline> StartAsync(FakeTimeProvider time, string[] alerts, string? grace)
    {
        var pipeline = await Pipeline.StartAsync(Pipeline.Rules(alerts), time: time, configure: settings =>
        {
            if (grace is not null)
            {
                settings.With("Streams:OfflineGrace", grace);
            }
        });
        return pipeline;
    }

    /// <summary>Waits until <paramref name="inbox"/> notifications are handled and nothing is owed to Discord.
    /// </summary>
    internal static async Task SettledAsync(Pipeline pipeline, int inbox)
    {
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        var settled = await Eventually.UntilAsync(
            async () =>
            {
                await using var db = contexts.CreateDbContext();
                var processed = await db.Inbox.CountAsync(x => x.ProcessedAt != null);
                var pending = await db.Deliveries.CountAsync(x => x.Status == DeliveryStatus.Pending);
                return (processed, pending);
            },
            x => x.processed >= inbox && x.pending == 0);
        Assert.Equal((inbox, 0), settled);
    }

    internal static async Task<List<string>> OutcomesAsync(Pipeline pipeline)
    {
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        await using var db = contexts.CreateDbContext();
        return await db.Inbox.OrderBy(x => x.Id).Select(x => x.Outcome ?? "").ToListAsync();
    }
}
