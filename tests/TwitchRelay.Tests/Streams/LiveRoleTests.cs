using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Cli;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Roles;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.EventSub;
using static TwitchRelay.Tests.Streams.StreamPostTests;

namespace TwitchRelay.Tests.Streams;

/// <summary>The live role against the fake Discord's guild (which enforces Manage Roles, the role hierarchy,
/// unknown members and roles) and the fake Twitch's Get Streams.</summary>
public class LiveRoleTests
{
    private const string OwnerId = "950000000000000001";
    private const string StreamerMember = "950000000000000002";
    private const string FriendMember = "950000000000000003";
    private const string FriendId = "771234001";
    private const string FriendLogin = "night_owl";

    [Fact]
    public async Task TheStreamersMemberHasTheRoleWhileLiveAndLosesItOnOffline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        var guild = pipeline.Discord.Guild(Pipeline.GuildId);

        twitch.GoLive(StreamBodies.BroadcasterId, "1001", time.GetUtcNow());
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        var whileLive = await RolesOfAsync(guild, StreamerMember, has: true);
        time.Advance(TimeSpan.FromMinutes(30));
        twitch.EndStream(StreamBodies.BroadcasterId);
        await pipeline.SendAsync(StreamBodies.Offline());
        var afterwards = await RolesOfAsync(guild, StreamerMember, has: false);

        Assert.Contains(Pipeline.LiveRole, whileLive);
        Assert.DoesNotContain(Pipeline.LiveRole, afterwards);
        var put = pipeline.Discord.Requests.First(x => x.Method == "PUT");
        Assert.Equal($"/api/v10/guilds/{Pipeline.GuildId}/members/{StreamerMember}/roles/{Pipeline.LiveRole}",
            put.Path);
        Assert.NotNull(put.Header("X-Audit-Log-Reason"));
    }

    [Fact]
    public async Task UnlinkingWhileLiveTakesTheLiveRoleBack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        var guild = pipeline.Discord.Guild(Pipeline.GuildId);
        twitch.GoLive(StreamBodies.BroadcasterId, "1001", time.GetUtcNow());
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await RolesOfAsync(guild, StreamerMember, has: true);

        // The operator un-links from the command line, as a running service would too.
        var (exit, output) = await CliAsync(pipeline.Settings, "twitch", "unlink", "--guild", Pipeline.GuildId);

        Assert.True(exit == 0, output);
        Assert.Contains("1 role(s) the service gave were taken back", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Pipeline.LiveRole, guild.RolesOf(StreamerMember)!);
    }

    [Fact]
    public async Task ReconcileTakesAStuckRoleAndGivesItToWhoeverTwitchSaysIsLive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        twitch.AddUser(FriendId, FriendLogin, "Night_Owl");
        twitch.GoLive(FriendId, "5001", time.GetUtcNow());
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions
        {
            BotToken = TestSecrets.BotToken,
            TimeProvider = time,
        });
        var guild = AddGuild(discord);
        guild.AddMember(StreamerMember, Pipeline.LiveRole);
        using var settings = new TestSettings(discord.ApiBaseUrl);
        StreamHelixTests.WithTwitch(settings, twitch);
        await ImportAsync(settings, Rules(withFriend: true));

        // The offline that should have taken the streamer's role was missed while the relay was down.
        await using var host = await RelayTestHost.StartAsync(settings, time);
        var streamer = await RolesOfAsync(guild, StreamerMember, has: false);
        var friend = await RolesOfAsync(guild, FriendMember, has: true);
        var mapped = await host.Services.GetRequiredService<LiveRoleService>()
            .ReconcileAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(Pipeline.LiveRole, streamer);
        Assert.Contains(Pipeline.LiveRole, friend);
        Assert.Equal(2, mapped);
        Assert.Contains(twitch.Requests, x => x.Path == "/helix/streams");
    }

    [Fact]
    public async Task ARoleAboveTheBotsIsNamedToTheAdminAndShownByActivity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        var guild = pipeline.Discord.Guild(Pipeline.GuildId);
        guild.SetRolePosition(Pipeline.LiveRole, 9);
        twitch.GoLive(StreamBodies.BroadcasterId, "1001", time.GetUtcNow());

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await pipeline.Discord.WaitUntilAsync(d => d.MessagesIn(Pipeline.PollsChannel).Count == 1);
        var (_, activity) = await CliAsync(pipeline.Settings, "activity");

        var notice = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel));
        Assert.Contains("is not below the bot's highest role", notice.Content, StringComparison.Ordinal);
        Assert.Contains("50013", notice.Content, StringComparison.Ordinal);
        Assert.Contains($"Live role in guild {Pipeline.GuildId}: the bot cannot give or take the live role", activity,
            StringComparison.Ordinal);
        Assert.DoesNotContain(Pipeline.LiveRole, guild.RolesOf(StreamerMember)!);
    }

    [Fact]
    public async Task AMemberWhoLeftHasTheirMappingRemoved()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        pipeline.Discord.Guild(Pipeline.GuildId).RemoveMember(StreamerMember);
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        var link = await Eventually.UntilAsync(
            async () =>
            {
                await using var db = contexts.CreateDbContext();
                return await db.GuildLinks.AsNoTracking().SingleAsync(x => x.GuildId == Pipeline.GuildId);
            },
            x => x.StreamerDiscordUserId is null && x.LiveRoleProblem is not null);

        Assert.Null(link.StreamerDiscordUserId);
        Assert.Equal(Pipeline.LiveRole, link.LiveRoleId);
        Assert.Contains("is no longer in the server", link.LiveRoleProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeletedRoleSwitchesTheLiveRoleOff()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        pipeline.Discord.Guild(Pipeline.GuildId).RemoveRole(Pipeline.LiveRole);
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();

        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        var link = await Eventually.UntilAsync(
            async () =>
            {
                await using var db = contexts.CreateDbContext();
                return await db.GuildLinks.AsNoTracking().SingleAsync(x => x.GuildId == Pipeline.GuildId);
            },
            x => x.LiveRoleId is null && x.LiveRoleProblem is not null);
        await SettledAsync(pipeline, inbox: 1);

        Assert.Null(link.LiveRoleId);
        Assert.Equal(StreamerMember, link.StreamerDiscordUserId);
        Assert.Contains("no longer exists", link.LiveRoleProblem, StringComparison.Ordinal);
        Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
    }

    [Fact]
    public async Task ADiscordGatewayResumeReconcilesTheRole()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await Pipeline.StartAsync(
            Rules(withFriend: false),
            time: time,
            configure: settings => StreamHelixTests.WithTwitch(settings, twitch));
        // The start-up reconcile ran while Discord did not know the guild (its role change was refused).
        await pipeline.Discord.WaitUntilAsync(d => d.Requests.Any(x => x.Method == "DELETE"));
        var guild = AddGuild(pipeline.Discord);
        guild.AddMember(StreamerMember, Pipeline.LiveRole);
        var service = pipeline.Host.Services.GetRequiredService<LiveRoleService>();

        await service.OnDispatchAsync(
            new TwitchRelay.Discord.Gateway.GatewayDispatch("RESUMED", default),
            TestContext.Current.CancellationToken);
        var roles = await RolesOfAsync(guild, StreamerMember, has: false);

        Assert.DoesNotContain(Pipeline.LiveRole, roles);
    }

    [Fact]
    public async Task AGoLiveAfterAnEventSubReconnectIsGivenItsRolePromptly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        var guild = pipeline.Discord.Guild(Pipeline.GuildId);
        await Eventually.UntilAsync(() => Task.FromResult(StreamsAsked(twitch)), count => count >= 1);
        var asked = StreamsAsked(twitch);

        // An EventSub session re-subscribed: the live role reconciles, and must still hear the next go-live.
        pipeline.Host.Services.GetRequiredService<EventSubReconnects>().Signal.Notify();
        await Eventually.UntilAsync(() => Task.FromResult(StreamsAsked(twitch)), count => count > asked);
        twitch.GoLive(StreamBodies.BroadcasterId, "1001", time.GetUtcNow());
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        var roles = await RolesOfAsync(guild, StreamerMember, has: true);

        Assert.Contains(Pipeline.LiveRole, roles);
    }

    [Fact]
    public async Task AReconcileMinutesAfterAGoLiveTrustsTheEventOverGetStreamsCache()
    {
        // Twitch caches Get Streams for minutes: a stream that went live a moment ago is not listed there yet.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        var guild = pipeline.Discord.Guild(Pipeline.GuildId);
        var service = pipeline.Host.Services.GetRequiredService<LiveRoleService>();
        var ct = TestContext.Current.CancellationToken;
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await RolesOfAsync(guild, StreamerMember, has: true);

        // Act: a reconcile two minutes later (a gateway resume, say), then one when the cache should have caught up.
        time.Advance(TimeSpan.FromMinutes(2));
        await service.ReconcileAsync(ct);
        var soonAfter = guild.RolesOf(StreamerMember)!.ToList();
        time.Advance(TimeSpan.FromMinutes(20));
        await service.ReconcileAsync(ct);
        var muchLater = guild.RolesOf(StreamerMember)!.ToList();

        // Assert: kept while Get Streams may lag; once it cannot, Twitch's answer (not live) wins.
        Assert.Contains(Pipeline.LiveRole, soonAfter);
        Assert.DoesNotContain(Pipeline.LiveRole, muchLater);
    }

    [Fact]
    public async Task AReconcileMinutesAfterAnOfflineDoesNotGiveTheRoleBackFromGetStreamsCache()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        await using var pipeline = await StartAsync(time, twitch, withFriend: false);
        var guild = pipeline.Discord.Guild(Pipeline.GuildId);
        var service = pipeline.Host.Services.GetRequiredService<LiveRoleService>();
        twitch.GoLive(StreamBodies.BroadcasterId, "1001", time.GetUtcNow());
        await pipeline.SendAsync(StreamBodies.Online("1001", time.GetUtcNow()));
        await RolesOfAsync(guild, StreamerMember, has: true);
        time.Advance(TimeSpan.FromMinutes(40));
        await pipeline.SendAsync(StreamBodies.Offline());
        await RolesOfAsync(guild, StreamerMember, has: false);

        // Act: Get Streams still lists the ended stream (cached) a minute later.
        time.Advance(TimeSpan.FromMinutes(1));
        await service.ReconcileAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.DoesNotContain(Pipeline.LiveRole, guild.RolesOf(StreamerMember)!);
    }

    private static int StreamsAsked(FakeTwitch twitch) => twitch.Requests.Count(x => x.Path == "/helix/streams");

    private static FakeGuild AddGuild(FakeDiscord discord)
    {
        var guild = discord.AddGuild(Pipeline.GuildId, OwnerId);
        guild.SetRolePosition(guild.BotRoleId, 5);
        guild.AddRole(Pipeline.LiveRole, "Live now", 2);
        guild.AddMember(StreamerMember).AddMember(FriendMember);
        return guild;
    }

    private static async Task<Pipeline> StartAsync(FakeTimeProvider time, FakeTwitch twitch, bool withFriend)
    {
        if (withFriend)
        {
            twitch.AddUser(FriendId, FriendLogin, "Night_Owl");
        }

        var pipeline = await Pipeline.StartAsync(
            Rules(withFriend),
            time: time,
            configure: settings => StreamHelixTests.WithTwitch(settings, twitch));
        AddGuild(pipeline.Discord);
        return pipeline;
    }

    private static string Rules(bool withFriend) =>
        $$"""
        { "version": 1,
          "guilds": [ { "guildId": "{{Pipeline.GuildId}}", "broadcasterId": "{{Pipeline.BroadcasterId}}",
                        "adminChannelId": "{{Pipeline.PollsChannel}}",
                        "liveRoleId": "{{Pipeline.LiveRole}}", "streamerDiscordUserId": "{{StreamerMember}}",
                        "follow": [ {{(withFriend
                            ? $$"""{ "login": "{{FriendLogin}}", "discordUserId": "{{FriendMember}}" }"""
                            : "")}} ],
                        "alerts": [ {{LiveAlert()}} ] } ] }
        """;

    private static async Task<IReadOnlyList<string>> RolesOfAsync(FakeGuild guild, string member, bool has) =>
        await Eventually.UntilAsync(
            () => Task.FromResult(guild.RolesOf(member) ?? []),
            roles => roles.Contains(Pipeline.LiveRole) == has);

    private static async Task ImportAsync(TestSettings settings, string json)
    {
        var file = Path.Combine(settings.Folder, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
        var (exit, error) = await CliAsync(settings, "config", "import", file);
        Assert.True(exit == 0, error);
    }

    private static async Task<(int Exit, string Output)> CliAsync(TestSettings settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(args, settings.Build(), output, error);
        return (exit, output + error.ToString());
    }
}
