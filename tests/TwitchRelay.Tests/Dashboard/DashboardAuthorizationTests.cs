using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>Every dashboard route, for an anonymous browser (sent to sign in), a signed-in user who does not manage
/// the guild in the URL (404, nothing changed), and a guild admin who edits another guild's ids into a form.</summary>
public sealed class DashboardAuthorizationTests
{
    private const string OtherChannel = DashboardWorld.OtherChannel;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/guilds/{g}" },
        { "POST", "/guilds/{g}?handler=Link" },
        { "POST", "/guilds/{g}?handler=Relink" },
        { "POST", "/guilds/{g}?handler=AdminChannel" },
        { "POST", "/guilds/{g}?handler=Toggle" },
        { "GET", "/guilds/{g}/unlink" },
        { "POST", "/guilds/{g}/unlink" },
        { "GET", "/guilds/{g}/events/follow" },
        { "POST", "/guilds/{g}/events/follow?handler=Save" },
        { "POST", "/guilds/{g}/events/follow?handler=Preview" },
        { "POST", "/guilds/{g}/events/follow?handler=PreviewFragment" },
        { "POST", "/guilds/{g}/events/follow?handler=Test" },
        { "POST", "/guilds/{g}/events/follow?handler=Delete" },
        { "GET", "/guilds/{g}/activity" },
        { "POST", "/guilds/{g}/activity?handler=Resend" },
        { "GET", "/guilds/{g}/roles" },
        { "POST", "/guilds/{g}/roles?handler=LiveRole" },
        { "POST", "/guilds/{g}/roles?handler=Follow" },
        { "POST", "/guilds/{g}/roles?handler=Unfollow" },
        { "POST", "/guilds/{g}/roles?handler=SubscriberRoles" },
        { "POST", "/guilds/{g}/roles?handler=RemoveMember" },
    };

    /// <summary>The other guild's connected member, who holds a subscriber role the service gave there.</summary>
    private const string OtherMember = "800000000000000055";

    private const string OtherRole = "920000000000000055";

    private const string OtherLiveRole = "920000000000000056";

    private const string OtherStreamer = "800000000000000056";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnonymousIsSentToSignIn(string method, string route)
    {
        await using var world = await DashboardWorld.StartAsync();
        using var browser = world.Anonymous();

        using var response = await SendAsync(browser, method, route.Replace("{g}", TwitchWorld.GuildId,
            StringComparison.Ordinal), withToken: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ServerListNeedsSignInToo()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var browser = world.Anonymous();

        using var response = await browser.Http.GetAsync("/servers", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task UserWhoDoesNotManageTheGuildGetsNotFoundAndChangesNothing(string method, string route)
    {
        await using var world = await DashboardWorld.StartAsync();
        var (ruleId, deliveryId, followId) = await SeedOtherGuildAsync(world);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var token = await ada.AntiforgeryTokenAsync("/servers");

        // Ada is a member of the other guild without rights, and of a third one where the bot is not.
        foreach (var guild in new[] { DashboardWorld.OtherGuildId, DashboardWorld.MemberOnlyGuildId })
        {
            using var response = await SendAsync(ada, method, route.Replace("{g}", guild, StringComparison.Ordinal),
                token, ruleId, deliveryId, followId);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound,
                $"{method} {route} in {guild}: {(int)response.StatusCode}");
        }

        await AssertOtherGuildUntouchedAsync(world, ruleId, deliveryId);
    }

    [Theory]
    [InlineData("/guilds/{g}?handler=Toggle")]
    [InlineData("/guilds/{g}/events/follow?handler=Save")]
    [InlineData("/guilds/{g}/events/follow?handler=Test")]
    [InlineData("/guilds/{g}/events/follow?handler=Delete")]
    [InlineData("/guilds/{g}/activity?handler=Resend")]
    [InlineData("/guilds/{g}/roles?handler=Unfollow")]
    [InlineData("/guilds/{g}/roles?handler=RemoveMember")]
    public async Task AdminOfOneGuildCannotReachAnotherGuildsRowsThroughFormIds(string route)
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        var (ruleId, deliveryId, followId) = await SeedOtherGuildAsync(world);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var token = await ada.AntiforgeryTokenAsync("/servers");

        // Her own guild in the URL, the other guild's rule, delivery, follow or member id in the form.
        using var response = await SendAsync(ada, "POST", route.Replace("{g}", TwitchWorld.GuildId,
            StringComparison.Ordinal), token, ruleId, deliveryId, followId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertOtherGuildUntouchedAsync(world, ruleId, deliveryId);
        Assert.Empty(world.Discord.MessagesIn(OtherChannel));
    }

    [Fact]
    public async Task OtherGuildsPagesDoNotLeakItsSettings()
    {
        await using var world = await DashboardWorld.StartAsync();
        await SeedOtherGuildAsync(world);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        using var guild = await ada.Http.GetAsync($"/guilds/{DashboardWorld.OtherGuildId}", Ct);
        using var events = await ada.Http.GetAsync($"/guilds/{DashboardWorld.OtherGuildId}/events/follow", Ct);
        using var roles = await ada.Http.GetAsync($"/guilds/{DashboardWorld.OtherGuildId}/roles", Ct);
        var body = await guild.Content.ReadAsStringAsync(Ct) + await events.Content.ReadAsStringAsync(Ct)
            + await roles.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, guild.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, roles.StatusCode);
        Assert.DoesNotContain("other_viewer", body, StringComparison.Ordinal);
        Assert.DoesNotContain("other_friend", body, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherChannel, body, StringComparison.Ordinal);
        Assert.DoesNotContain("{user} secret template", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryTokenIsRefused()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        using var response = await ada.Http.PostAsync($"/guilds/{TwitchWorld.GuildId}/unlink",
            new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = Db(world);
        Assert.True(await db.GuildLinks.AnyAsync(x => x.GuildId == TwitchWorld.GuildId, Ct));
    }

    private static async Task<HttpResponseMessage> SendAsync(
        DashboardClient client,
        string method,
        string path,
        string? withToken,
        long ruleId = 1,
        long deliveryId = 1,
        long followId = 1)
    {
        if (method == "GET")
        {
            return await client.Http.GetAsync(path, Ct);
        }

        var form = new Dictionary<string, string>
        {
            ["ruleId"] = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RuleId"] = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["deliveryId"] = deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["enabled"] = "false",
            ["Destination"] = "channel",
            ["ChannelId"] = OtherChannel,
            ["adminChannelId"] = OtherChannel,
            ["Template"] = "{user} changed by someone else",
            ["followId"] = followId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["memberId"] = OtherMember,
            ["liveRoleId"] = "",
            ["streamerDiscordUserId"] = "",
            ["login"] = "night_owl",
            ["Mode"] = "one",
            ["RoleId"] = "",
        };
        if (withToken is not null)
        {
            form["__RequestVerificationToken"] = withToken;
        }

        return await client.Http.PostAsync(path, new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>The other guild: linked with a live role, subscriber roles and a followed channel, one enabled rule
    /// with a template, one failed delivery, and a connected member holding a subscriber role given there.</summary>
    private static async Task<(long RuleId, long DeliveryId, long FollowId)> SeedOtherGuildAsync(
        DashboardWorld world)
    {
        world.World.Twitch.AddUser("771234001", "night_owl", "Night_Owl");
        world.Discord.Guild(DashboardWorld.OtherGuildId).AddRole(OtherRole, "Subs", position: 0)
            .AddRole(OtherLiveRole, "Live", position: 0)
            .AddMember(OtherMember, OtherRole)
            .AddMember(OtherStreamer);
        await using var db = Db(world);
        db.GuildLinks.Add(new GuildLink
        {
            GuildId = DashboardWorld.OtherGuildId,
            BroadcasterId = "111111",
            AdminChannelId = OtherChannel,
            LiveRoleId = OtherLiveRole,
            StreamerDiscordUserId = OtherStreamer,
            SubscriberRoleId = OtherRole,
        });
        var follow = new FollowedChannel
        {
            GuildId = DashboardWorld.OtherGuildId,
            BroadcasterId = "771234002",
            Login = "other_friend",
        };
        db.FollowedChannels.Add(follow);
        db.MemberLinks.Add(new MemberLink
        {
            DiscordUserId = OtherMember,
            TwitchUserId = "771234003",
            TwitchLogin = "other_viewer",
            TwitchDisplayName = "Other_Viewer",
            GuildId = DashboardWorld.OtherGuildId,
        });
        db.SubscriberRoleGrants.Add(new SubscriberRoleGrant
        {
            GuildId = DashboardWorld.OtherGuildId,
            DiscordUserId = OtherMember,
            RoleId = OtherRole,
            TwitchUserId = "771234003",
        });
        var rule = new AlertRule
        {
            GuildId = DashboardWorld.OtherGuildId,
            EventKey = "follow",
            ChannelId = OtherChannel,
            Template = "{user} secret template",
        };
        db.AlertRules.Add(rule);
        var inbox = new InboxNotification
        {
            MessageId = "other-guild-1",
            MessageType = "notification",
            SubscriptionType = "channel.follow",
            SubscriptionVersion = "2",
            Body = "{}",
            ProcessedAt = DateTimeOffset.UtcNow,
        };
        db.Inbox.Add(inbox);
        await db.SaveChangesAsync(Ct);
        var delivery = new AlertDelivery
        {
            InboxId = inbox.Id,
            RuleId = rule.Id,
            GuildId = DashboardWorld.OtherGuildId,
            EventKey = "follow",
            LaneKey = rule.LaneKey,
            Body = "{\"content\":\"x\"}",
            Nonce = "n",
            Status = DeliveryStatus.Failed,
            LastError = "seeded failure",
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(Ct);
        return (rule.Id, delivery.Id, follow.Id);
    }

    private static async Task AssertOtherGuildUntouchedAsync(DashboardWorld world, long ruleId, long deliveryId)
    {
        await using var db = Db(world);
        var rule = await db.AlertRules.SingleAsync(x => x.Id == ruleId, Ct);
        Assert.True(rule.Enabled);
        Assert.Equal("{user} secret template", rule.Template);
        Assert.Equal(OtherChannel, rule.ChannelId);
        var delivery = await db.Deliveries.SingleAsync(x => x.Id == deliveryId, Ct);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Single(await db.Deliveries.Where(x => x.GuildId == DashboardWorld.OtherGuildId).ToListAsync(Ct));
        var link = await db.GuildLinks.SingleAsync(x => x.GuildId == DashboardWorld.OtherGuildId, Ct);
        Assert.Equal(OtherChannel, link.AdminChannelId);
        Assert.Equal((OtherLiveRole, OtherStreamer, OtherRole),
            (link.LiveRoleId, link.StreamerDiscordUserId, link.SubscriberRoleId));
        Assert.Equal(["other_friend"], await db.FollowedChannels
            .Where(x => x.GuildId == DashboardWorld.OtherGuildId).Select(x => x.Login).ToListAsync(Ct));
        Assert.True(await db.MemberLinks.AnyAsync(x => x.DiscordUserId == OtherMember, Ct));
        Assert.True(await db.SubscriberRoleGrants.AnyAsync(x => x.DiscordUserId == OtherMember, Ct));
        // The live role service may take the live role from the (offline) streamer; the subscriber role stays.
        Assert.DoesNotContain(world.Discord.Requests, r => r.Method == "DELETE" && r.Path.EndsWith(
            $"/members/{OtherMember}/roles/{OtherRole}", StringComparison.Ordinal));
        Assert.Equal([OtherRole], world.Discord.Guild(DashboardWorld.OtherGuildId).RolesOf(OtherMember));
        Assert.Empty(world.World.Twitch.Authorizations);
    }

    private static RelayDbContext Db(DashboardWorld world) =>
        world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
}
