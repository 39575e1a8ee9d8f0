using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;
using static TwitchRelay.Tests.Streams.StreamPostTests;

namespace TwitchRelay.Tests.Streams;

/// <summary>Stream posts, followed channels, the VOD edit and the live role on a real PostgreSQL server: the
/// queries that join follows to rules and members translate there too.</summary>
public class StreamPostgresTests(PostgresServer postgres)
{
    private const string FriendId = "771234001";
    private const string FriendMember = "950000000000000003";

    [Fact]
    public async Task AFollowedChannelFlapsEndsGetsItsVodAndItsRoleOnPostgres()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        twitch.AddUser(FriendId, "night_owl", "Night_Owl");
        await using var pipeline = await Pipeline.StartAsync(
            $$"""
            { "version": 1,
              "guilds": [ { "guildId": "{{Pipeline.GuildId}}", "broadcasterId": "{{Pipeline.BroadcasterId}}",
                            "liveRoleId": "{{Pipeline.LiveRole}}",
                            "follow": [ { "login": "night_owl", "discordUserId": "{{FriendMember}}" } ],
                            "alerts": [ {{LiveAlert()}} ] } ] }
            """,
            postgresConnectionString: await postgres.CreateDatabaseAsync(),
            time: time,
            configure: settings => StreamHelixTests.WithTwitch(settings, twitch));
        var guild = pipeline.Discord.AddGuild(Pipeline.GuildId, "950000000000000001");
        guild.SetRolePosition(guild.BotRoleId, 5).AddRole(Pipeline.LiveRole, "Live now", 2).AddMember(FriendMember);
        var watcher = pipeline.Host.Services.GetRequiredService<StreamVodWatcher>();

        twitch.GoLive(FriendId, "5001", time.GetUtcNow());
        await pipeline.SendAsync(StreamBodies.Online("5001", time.GetUtcNow(), FriendId, "night_owl", "Night_Owl"));
        await SettledAsync(pipeline, inbox: 1);
        var roles = await Eventually.UntilAsync(
            () => Task.FromResult(guild.RolesOf(FriendMember) ?? []),
            x => x.Contains(Pipeline.LiveRole));
        time.Advance(TimeSpan.FromMinutes(20));
        await pipeline.SendAsync(StreamBodies.Offline(FriendId, "night_owl", "Night_Owl"));
        await SettledAsync(pipeline, inbox: 2);
        time.Advance(TimeSpan.FromMinutes(3));
        await pipeline.SendAsync(StreamBodies.Online("5002", time.GetUtcNow(), FriendId, "night_owl", "Night_Owl"));
        await SettledAsync(pipeline, inbox: 3);
        time.Advance(TimeSpan.FromMinutes(40));
        twitch.EndStream(FriendId);
        await pipeline.SendAsync(StreamBodies.Offline(FriendId, "night_owl", "Night_Owl"));
        await SettledAsync(pipeline, inbox: 4);
        var vod = twitch.AddArchive(FriendId, "5002", "2200000009", time.GetUtcNow());
        var found = await watcher.CheckAsync(TestContext.Current.CancellationToken);
        await SettledAsync(pipeline, inbox: 5);

        Assert.Contains(Pipeline.LiveRole, roles);
        Assert.Equal(1, found);
        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Equal(4, message.EditCount);
        Assert.Contains(vod, message.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains("was live for 1 hour 3 minutes", message.Content, StringComparison.Ordinal);
        await Eventually.UntilAsync(
            () => Task.FromResult(guild.RolesOf(FriendMember) ?? []),
            x => !x.Contains(Pipeline.LiveRole));
        Assert.DoesNotContain(Pipeline.LiveRole, guild.RolesOf(FriendMember)!);
    }

    [Fact]
    public async Task ALostOfflineIsEndedByTheReconcilerOnPostgres()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await Pipeline.StartAsync(
            Pipeline.Rules(LiveAlert()),
            postgresConnectionString: await postgres.CreateDatabaseAsync(),
            time: time,
            configure: settings => StreamHelixTests.WithTwitch(settings, twitch));
        var reconciler = await StreamStateReconcilerTests.LiveAsync(pipeline, time);
        var ct = TestContext.Current.CancellationToken;

        time.Advance(TimeSpan.FromMinutes(6));
        var first = await reconciler.CheckAsync(ct);
        time.Advance(TimeSpan.FromMinutes(5));
        var second = await reconciler.CheckAsync(ct);
        await SettledAsync(pipeline, inbox: 2);

        Assert.Equal(((1, 0), (0, 1)), (first, second));
        var post = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("was live for a while", post.Content, StringComparison.Ordinal);
    }
}
