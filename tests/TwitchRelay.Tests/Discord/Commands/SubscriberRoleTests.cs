using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Tests.Discord.Commands;

/// <summary>Signed subscription notifications into the real service; roles changed on the fake Discord, which
/// enforces Manage Roles, the role hierarchy, unknown members and unknown roles.</summary>
public sealed class SubscriberRoleTests
{
    private const string ViewerTwitchId = "702341856";
    private const string AdminChannel = "910000000000000002";
    private const string Tier1Role = "920000000000000011";
    private const string Tier3Role = "920000000000000013";
    private const string GiftRole = "920000000000000014";

    [Fact]
    public async Task ASubGivesTheTierRoleAndAResubKeepsIt()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();

        // Act
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));
        await rig.SendAsync("channel.subscription.message.json", tier: "1000");
        await rig.WaitForProcessedAsync(2);

        // Assert: the role with an audit log reason; the resub gives it again (harmless at Discord, and it
        // repairs a role removed by hand); one grant.
        Assert.Equal([Tier1Role], rig.MemberRoles());
        var puts = rig.World.Discord.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/roles/")).ToList();
        Assert.Equal(2, puts.Count);
        Assert.All(puts, put => Assert.Equal(
            "Twitch subscriber (tier 1)",
            Uri.UnescapeDataString(put.Header("X-Audit-Log-Reason")!)));
        Assert.Single(await rig.GrantsAsync());
    }

    [Fact]
    public async Task ATierChangeSwapsTheRoleInsteadOfAddingASecond()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));

        // Act: the next month's resub is tier 3.
        await rig.SendAsync("channel.subscription.message.json", tier: "3000");
        await rig.WaitForProcessedAsync(2);

        // Assert: only the tier 3 role is held, and only it is remembered as given.
        Assert.Equal([Tier3Role], rig.MemberRoles());
        Assert.Equal([Tier3Role], (await rig.GrantsAsync()).Select(g => g.RoleId));
    }

    [Fact]
    public async Task AGiftedSubGetsTheGiftRole()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync(giftRole: true);

        // Act
        await rig.SendAsync("channel.subscribe.json", tier: "3000", isGift: true);
        await rig.WaitForRolesAsync(roles => roles.Count > 0);

        // Assert
        Assert.Equal([GiftRole], rig.MemberRoles());
    }

    [Fact]
    public async Task AnEndTakesTheRoleOnlyAfterTheGracePeriod()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        await rig.SendAsync("channel.subscribe.json", tier: "3000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier3Role));

        // Act 1: the end arrives; the grace (1 day) has not passed.
        await rig.SendAsync("channel.subscription.end.json", tier: "3000");
        await rig.WaitUntilAsync(async () => (await rig.EventsAsync()).Any(e => e.IsEnd && e.GraceApplied));
        rig.Time.Advance(TimeSpan.FromHours(23));
        await Task.Delay(500, TestContext.Current.CancellationToken);

        // Assert 1
        Assert.Equal([Tier3Role], rig.MemberRoles());

        // Act 2: past the grace.
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.WaitForRolesAsync(roles => roles.Count == 0);

        // Assert 2: taken, and the grant is gone.
        await rig.WaitUntilAsync(async () => (await rig.GrantsAsync()).Count == 0);
        await rig.WaitForProcessedAsync(2);
        var end = Assert.Single(await rig.EventsAsync(), e => e.IsEnd);
        Assert.Contains("took role", end.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenewalDuringTheGraceKeepsTheRole()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));

        // Act: end, then a resub within the grace, then the grace passes.
        await rig.SendAsync("channel.subscription.end.json", tier: "1000");
        await rig.SendAsync("channel.subscription.message.json", tier: "1000");
        await rig.WaitForProcessedAsync(2);
        rig.Time.Advance(TimeSpan.FromDays(2));
        await rig.WaitForProcessedAsync(3);

        // Assert
        Assert.Equal([Tier1Role], rig.MemberRoles());
        var end = Assert.Single(await rig.EventsAsync(), e => e.IsEnd);
        Assert.StartsWith("renewed during the grace period", end.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWhoLeftIsSkippedWithoutTellingTheAdmins()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        rig.Guild.RemoveMember(CommandWorld.Member);

        // Act
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForProcessedAsync(1);

        // Assert: one try (10007), no retry, no admin notice.
        var subscribe = Assert.Single(await rig.EventsAsync());
        Assert.Contains("is not in the server", subscribe.Outcome, StringComparison.Ordinal);
        Assert.Single(rig.World.Discord.Requests, r => r.Method == "PUT" && r.Path.Contains("/roles/"));
        Assert.Empty(rig.World.Discord.MessagesIn(AdminChannel));
    }

    [Fact]
    public async Task ADeletedRoleIsToldToTheAdminsOnceAndNotRetried()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        rig.Guild.RemoveRole(Tier1Role);

        // Act: two subs, both for the deleted role.
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForProcessedAsync(1);
        await rig.SendAsync("channel.subscription.message.json", tier: "1000");
        await rig.WaitForProcessedAsync(2);

        // Assert: the admins read it once, by name.
        var notice = Assert.Single(rig.World.Discord.MessagesIn(AdminChannel));
        Assert.Contains($"the subscriber role {Tier1Role} no longer exists", notice.Content, StringComparison.Ordinal);
        Assert.Equal(2, rig.World.Discord.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/roles/")));
        var link = await rig.GuildLinkAsync();
        Assert.Contains("no longer exists", link.SubscriberRoleProblem, StringComparison.Ordinal);
        var status = await rig.World.RunAsync("status");
        Assert.Contains("**Subscriber roles:** **problem**: the subscriber role", status.Content,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneRoleWorkingDoesNotHideTheProblemOfAnother()
    {
        // Arrange: the gift role was deleted; the tier roles still work.
        await using var rig = await RoleRig.StartAsync(giftRole: true);
        rig.Guild.RemoveRole(GiftRole);
        await rig.SendAsync("channel.subscribe.json", tier: "1000", isGift: true);
        await rig.WaitForProcessedAsync(1);

        // Act: a paid resub gives the tier 1 role.
        await rig.SendAsync("channel.subscription.message.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));
        await rig.WaitForProcessedAsync(2);

        // Assert: the gift role's problem is still shown, and was told once.
        var link = await rig.GuildLinkAsync();
        Assert.Contains($"the subscriber role {GiftRole} no longer exists", link.SubscriberRoleProblem,
            StringComparison.Ordinal);
        Assert.Single(rig.World.Discord.MessagesIn(AdminChannel));
    }

    [Fact]
    public async Task ARoleAboveTheBotsIsNamedForTheAdmins()
    {
        // Arrange: the tier 1 role sits above the bot's own role.
        await using var rig = await RoleRig.StartAsync();
        rig.Guild.SetRolePosition(Tier1Role, 50);

        // Act
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForProcessedAsync(1);

        // Assert: 50013 explained with the hierarchy fix; no role given; not retried.
        Assert.Empty(rig.MemberRoles());
        var notice = Assert.Single(rig.World.Discord.MessagesIn(AdminChannel));
        Assert.Contains("is not below the bot's highest role", notice.Content, StringComparison.Ordinal);
        Assert.Single(rig.World.Discord.Requests, r => r.Method == "PUT" && r.Path.Contains("/roles/"));
    }

    [Fact]
    public async Task DisconnectTakesTheRolesTheServiceGave()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));

        // Act
        var answer = await rig.World.RunAsync("disconnect", CommandWorld.MemberPermissions, CommandWorld.Member);

        // Assert
        Assert.Equal("Disconnected your Twitch account Pixel\\_Wanderer and removed 1 subscriber role(s).",
            answer.Content);
        Assert.Empty(rig.MemberRoles());
        Assert.Empty(await rig.GrantsAsync());
    }

    [Fact]
    public async Task UnlinkTakesBackTheSubscriberRolesAndForgetsWhoWasGivenThem()
    {
        // Arrange
        await using var rig = await RoleRig.StartAsync();
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));
        await rig.WaitForProcessedAsync(1);

        // Act
        var result = await rig.World.Host.Services.GetRequiredService<Unlinker>()
            .UnlinkAsync(CommandWorld.GuildId, TestContext.Current.CancellationToken);

        // Assert: Discord was asked to take the role, and nothing of the guild's role settings is left.
        Assert.Equal(new UnlinkResult(RolesTaken: 1, RolesLeft: 0), result);
        Assert.Empty(rig.MemberRoles());
        Assert.Contains(rig.World.Discord.Requests, r => r.Method == "DELETE"
            && r.Path.EndsWith($"/members/{CommandWorld.Member}/roles/{Tier1Role}", StringComparison.Ordinal));
        Assert.Empty(await rig.GrantsAsync());
        await using var db = await rig.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.False(await db.GuildLinks.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ALapsedGiftWithoutAnEndEventIsCaughtByReconcile()
    {
        // Arrange: a gifted sub gave the gift role; later the gift lapsed and Twitch sent no end event.
        await using var rig = await RoleRig.StartAsync(giftRole: true, linkBroadcaster: true);
        await rig.SendAsync("channel.subscribe.json", tier: "1000", isGift: true);
        await rig.WaitForRolesAsync(roles => roles.Contains(GiftRole));
        await rig.WaitForProcessedAsync(1);
        rig.Time.Advance(TimeSpan.FromDays(31));

        // Act
        var queued = await rig.ReconcileAsync();
        await rig.WaitForRolesAsync(roles => roles.Count == 0);

        // Assert: taken at once (no grace), and the grant is gone.
        Assert.Equal(1, queued);
        await rig.WaitUntilAsync(async () => (await rig.GrantsAsync()).Count == 0);
    }

    [Fact]
    public async Task AReconcileRightAfterASubKeepsTheRoleTwitchsCachedListDoesNotShowYet()
    {
        // Arrange: the sub event gave the role; Get Broadcaster Subscriptions does not list it yet.
        await using var rig = await RoleRig.StartAsync(linkBroadcaster: true);
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));
        await rig.WaitForProcessedAsync(1);

        // Act: a member connecting a minute later asks for a pass.
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var soon = await rig.ReconcileAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(30));
        var later = await rig.ReconcileAsync();
        await rig.WaitForRolesAsync(roles => roles.Count == 0);

        // Assert: nothing queued while the list may lag; once it cannot, its silence takes the role.
        Assert.Equal((0, 1), (soon, later));
    }

    [Fact]
    public async Task AReconcileRightAfterAnEndDoesNotGiveTheRoleBackFromTwitchsCachedList()
    {
        // Arrange: no grace, so the end takes the role at once; Twitch's cached list still shows the sub.
        await using var rig = await RoleRig.StartAsync(linkBroadcaster: true, endGrace: "00:00:00");
        rig.World.Twitch!.AddChannelSubscriber(CommandWorld.BroadcasterId, ViewerTwitchId, "1000");
        await rig.SendAsync("channel.subscribe.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));
        await rig.SendAsync("channel.subscription.end.json", tier: "1000");
        await rig.WaitForRolesAsync(roles => roles.Count == 0);
        await rig.WaitForProcessedAsync(2);

        // Act
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        var queued = await rig.ReconcileAsync();

        // Assert
        Assert.Equal(0, queued);
        Assert.Empty(rig.MemberRoles());
    }

    [Fact]
    public async Task AConnectedSubscriberWithoutTheRoleGetsItAtReconcileFromEveryPage()
    {
        // Arrange: three subscribers at Twitch (pages of two); only the last is a connected member.
        await using var rig = await RoleRig.StartAsync(linkBroadcaster: true);
        var twitch = rig.World.Twitch!;
        twitch.AddChannelSubscriber(CommandWorld.BroadcasterId, "111111111");
        twitch.AddChannelSubscriber(CommandWorld.BroadcasterId, "222222222", "2000");
        twitch.AddChannelSubscriber(CommandWorld.BroadcasterId, ViewerTwitchId, "3000");

        // Act
        var queued = await rig.ReconcileAsync();
        await rig.WaitForRolesAsync(roles => roles.Count > 0);

        // Assert
        Assert.Equal(1, queued);
        Assert.Equal([Tier3Role], rig.MemberRoles());
        Assert.Equal(2, twitch.Requests.Count(r => r.Path == "/helix/subscriptions"));
        Assert.Equal(0, await rig.ReconcileAsync());
    }

    [Fact]
    public async Task AMemberWhoIsSubscribedAlreadyGetsTheRoleRightAfterConnecting()
    {
        // Arrange: the viewer subscribed before connecting; no event will come for it.
        await using var rig = await RoleRig.StartAsync(linkBroadcaster: true, connectMember: false);
        var twitch = rig.World.Twitch!;
        twitch.AddUser(ViewerTwitchId, "pixel_wanderer", "Pixel_Wanderer");
        twitch.SignInAs(ViewerTwitchId);
        twitch.AddChannelSubscriber(CommandWorld.BroadcasterId, ViewerTwitchId, "1000");
        var answer = await rig.World.RunAsync("connect", CommandWorld.MemberPermissions, CommandWorld.Member);
        var url = new Uri(answer.Content![answer.Content!.IndexOf("http", StringComparison.Ordinal)..]);
        var ticket = System.Web.HttpUtility.ParseQueryString(url.Query)["ticket"]!;

        // Act: the member finishes the connect in a browser.
        using var browser = new HttpClient(
            new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() });
        using var done = await browser.PostAsync(
            new Uri(url, "/twitch/connect"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ticket"] = ticket }),
            TestContext.Current.CancellationToken);
        Assert.True(done.IsSuccessStatusCode, $"{done.StatusCode}");

        // Assert: the connect asked for a reconcile pass, which gave the role.
        await rig.WaitForRolesAsync(roles => roles.Contains(Tier1Role));
    }

    private sealed class RoleRig : IAsyncDisposable
    {
        private RoleRig(CommandWorld world, FakeTimeProvider time)
        {
            World = world;
            Time = time;
        }

        public CommandWorld World { get; }

        public FakeTimeProvider Time { get; }

        public FakeGuild Guild => World.Discord.Guild(CommandWorld.GuildId);

        public static async Task<RoleRig> StartAsync(
            bool giftRole = false,
            bool linkBroadcaster = false,
            bool connectMember = true,
            string endGrace = "1.00:00:00")
        {
            var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var gift = giftRole ? $", \"giftRoleId\": \"{GiftRole}\"" : "";
            var rules = $$"""
                { "version": 1,
                  "guilds": [ { "guildId": "{{CommandWorld.GuildId}}",
                                "broadcasterId": "{{CommandWorld.BroadcasterId}}",
                                "adminChannelId": "{{AdminChannel}}", "alerts": [],
                                "subscriberRoles": { "tier1000": "{{Tier1Role}}", "tier3000": "{{Tier3Role}}"{{gift}} }
                              } ] }
                """;
            var world = await CommandWorld.StartAsync(
                settings => settings.With("Roles:SubscriberEndGrace", endGrace),
                services => services.AddSingleton<TimeProvider>(time),
                rules,
                withTwitch: linkBroadcaster);
            world.Discord.AddChannel(AdminChannel);
            world.Discord.Guild(CommandWorld.GuildId)
                .SetRolePosition(world.Discord.Guild(CommandWorld.GuildId).BotRoleId, 10)
                .AddRole(Tier1Role, "Tier 1", 2)
                .AddRole(Tier3Role, "Tier 3", 3)
                .AddRole(GiftRole, "Gifted", 4)
                .AddMember(CommandWorld.Member);
            var rig = new RoleRig(world, time);
            await using var db = await rig.ContextAsync();
            if (connectMember)
            {
                db.MemberLinks.Add(new MemberLink
                {
                    DiscordUserId = CommandWorld.Member,
                    TwitchUserId = ViewerTwitchId,
                    TwitchLogin = "pixel_wanderer",
                    TwitchDisplayName = "Pixel_Wanderer",
                    LinkedAt = time.GetUtcNow(),
                });
            }

            if (linkBroadcaster)
            {
                // A linked affiliate whose token may list its subscribers.
                world.Twitch!.AddUser(CommandWorld.BroadcasterId, "ember_hollow", "Ember_Hollow", "affiliate");
                var token = world.Twitch!.IssueUserToken(CommandWorld.BroadcasterId, ["channel:read:subscriptions"]);
                var protector = world.Host.Services.GetRequiredService<SecretProtector>();
                db.TwitchAccounts.Add(new TwitchAccount
                {
                    UserId = CommandWorld.BroadcasterId,
                    Login = "ember_hollow",
                    DisplayName = "Ember_Hollow",
                    BroadcasterType = "affiliate",
                    ProtectedAccessToken = protector.Protect(token.AccessToken),
                    ProtectedRefreshToken = token.RefreshToken is null ? null : protector.Protect(token.RefreshToken),
                    AccessTokenExpiresAt = token.ExpiresAt,
                    Scopes = "channel:read:subscriptions",
                    LinkedAt = time.GetUtcNow(),
                });
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return rig;
        }

        public async Task SendAsync(string payload, string tier, bool isGift = false)
        {
            var body = JsonNode.Parse(SamplePayloads.Read(payload))!;
            body["event"]!["tier"] = tier;
            body["event"]!["user_id"] = ViewerTwitchId;
            body["event"]!["broadcaster_user_id"] = CommandWorld.BroadcasterId;
            if (body["event"]!["is_gift"] is not null)
            {
                body["event"]!["is_gift"] = isGift;
            }

            using var request = TwitchSigner.Notification(body.ToJsonString(), sentAt: Time.GetUtcNow());
            using var response = await World.Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        }

        public Task<int> ReconcileAsync() =>
            World.Host.Services.GetRequiredService<TwitchRelay.Roles.Subscribers.SubscriberRoleReconciler>()
                .ReconcileAsync(TestContext.Current.CancellationToken);

        public IReadOnlyList<string> MemberRoles() => Guild.RolesOf(CommandWorld.Member) ?? [];

        public Task WaitForRolesAsync(Func<IReadOnlyList<string>, bool> done) =>
            World.Gateway.WaitUntilAsync(() => done(MemberRoles()));

        public Task WaitForProcessedAsync(int count) =>
            WaitUntilAsync(async () => (await EventsAsync()).Count(e => e.ProcessedAt is not null) >= count);

        public async Task WaitUntilAsync(Func<Task<bool>> condition)
        {
            var ok = await Eventually.UntilAsync(condition, done => done);
            Assert.True(ok, "the condition did not hold in time");
        }

        public async Task<List<SubscriberEvent>> EventsAsync()
        {
            await using var db = await ContextAsync();
            return await db.SubscriberEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        }

        public async Task<List<SubscriberRoleGrant>> GrantsAsync()
        {
            await using var db = await ContextAsync();
            return await db.SubscriberRoleGrants.AsNoTracking().ToListAsync();
        }

        public async Task<GuildLink> GuildLinkAsync()
        {
            await using var db = await ContextAsync();
            return await db.GuildLinks.AsNoTracking().SingleAsync(l => l.GuildId == CommandWorld.GuildId);
        }

        public ValueTask DisposeAsync() => World.DisposeAsync();

        private Task<RelayDbContext> ContextAsync() =>
            World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContextAsync();
    }
}
