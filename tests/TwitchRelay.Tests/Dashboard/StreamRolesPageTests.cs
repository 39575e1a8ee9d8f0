using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The "Stream &amp; roles" page over plain HTTP forms: what the rules file's guild settings hold, set from
/// the dashboard with the checks of <c>config import</c>, and connected members removed as <c>/twitch disconnect</c>
/// would.</summary>
public sealed class StreamRolesPageTests
{
    private const string StreamerMember = "800000000000000042";
    private const string FriendId = "771234001";
    private const string FriendMember = "800000000000000043";
    private const string ViewerMember = "800000000000000044";
    private const string Tier1Role = "920000000000000011";
    private const string Tier2Role = "920000000000000012";
    private const string Tier3Role = "920000000000000013";
    private const string AboveBotRole = "920000000000000019";

    private static string Page => $"/guilds/{TwitchWorld.GuildId}/roles";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveRoleAndStreamerMemberAreStoredAndExported()
    {
        // Arrange
        await using var world = await StartAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        // Act
        using var save = await ada.PostFormAsync(Page, Page + "?handler=LiveRole", new Dictionary<string, string>
        {
            ["liveRoleId"] = DashboardWorld.LiveRoleId,
            ["streamerDiscordUserId"] = StreamerMember,
        });
        var shown = WebUtility.HtmlDecode(await ada.GetPageAsync(Page));
        var (exit, export, error) = await world.World.CliAsync("config", "export");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var db = Db(world);
        var link = await db.GuildLinks.SingleAsync(Ct);
        Assert.Equal(DashboardWorld.LiveRoleId, link.LiveRoleId);
        Assert.Equal(StreamerMember, link.StreamerDiscordUserId);
        Assert.Contains($"<option value=\"{DashboardWorld.LiveRoleId}\" selected=\"selected\">@Live pings", shown,
            StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.Contains($"\"liveRoleId\": \"{DashboardWorld.LiveRoleId}\"", export, StringComparison.Ordinal);
        Assert.Contains($"\"streamerDiscordUserId\": \"{StreamerMember}\"", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleAboveTheBotsIsNamedOnThePageAndRefused()
    {
        // Arrange: a role placed above the bot's own, which Discord would not let the bot give.
        await using var world = await StartAsync();
        world.Discord.Guild(TwitchWorld.GuildId).AddRole(AboveBotRole, "Big deal", position: 9);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        // Act
        var form = WebUtility.HtmlDecode(await ada.GetPageAsync(Page));
        using var save = await ada.PostFormAsync(Page, Page + "?handler=LiveRole", new Dictionary<string, string>
        {
            ["liveRoleId"] = AboveBotRole,
            ["streamerDiscordUserId"] = StreamerMember,
        });
        var page = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync(Ct));

        // Assert
        Assert.Contains("@Big deal (the bot cannot give it)", form, StringComparison.Ordinal);
        Assert.DoesNotContain("@Live pings (the bot cannot give it)", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("The bot cannot give it: the role \"Big deal\" is not below the bot's highest role", page,
            StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.Null((await db.GuildLinks.SingleAsync(Ct)).LiveRoleId);
    }

    [Fact]
    public async Task MemberIdIsCheckedByTheImportsValidator()
    {
        // Arrange
        await using var world = await StartAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        // Act
        using var save = await ada.PostFormAsync(Page, Page + "?handler=LiveRole", new Dictionary<string, string>
        {
            ["liveRoleId"] = "",
            ["streamerDiscordUserId"] = "12345",
        });
        var page = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync(Ct));

        // Assert
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("streamerDiscordUserId: must be a Discord id (a 64-bit number of 17 to 20 digits), got "
            + "\"12345\"", page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.Null((await db.GuildLinks.SingleAsync(Ct)).StreamerDiscordUserId);
    }

    [Fact]
    public async Task FollowingAChannelThatExistsStoresItsTwitchIdAndItsSubscriptionsFollow()
    {
        // Arrange: a linked account with a stream.online rule, so followed channels are subscribed.
        await using var world = await StartAsync("stream.online");
        await world.World.LinkInBrowserAsync();
        world.World.Twitch.AddUser(FriendId, "night_owl", "Night_Owl");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        // Act
        using var follow = await ada.PostFormAsync(Page, Page + "?handler=Follow", new Dictionary<string, string>
        {
            ["login"] = "Night_Owl",
            ["discordUserId"] = FriendMember,
        });
        await world.World.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled" && x.Condition["broadcaster_user_id"] == FriendId)
                == 3,
            TimeSpan.FromSeconds(30));
        var (_, export, _) = await world.World.CliAsync("config", "export");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        await using var db = Db(world);
        var stored = await db.FollowedChannels.SingleAsync(Ct);
        Assert.Equal((TwitchWorld.GuildId, FriendId, "night_owl", "Night_Owl", FriendMember),
            (stored.GuildId, stored.BroadcasterId, stored.Login, stored.DisplayName, stored.DiscordUserId));
        Assert.Contains("\"login\": \"night_owl\"", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowingALoginTwitchDoesNotKnowIsRefusedAndStoresNothing()
    {
        // Arrange
        await using var world = await StartAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var marker = await RulesMarkerAsync(world);

        // Act
        using var follow = await ada.PostFormAsync(Page, Page + "?handler=Follow", new Dictionary<string, string>
        {
            ["login"] = "nobody_here",
        });
        var page = WebUtility.HtmlDecode(await follow.Content.ReadAsStringAsync(Ct));

        // Assert
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
        Assert.Contains("login: no Twitch channel is called \"nobody_here\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"nobody_here\"", page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.False(await db.FollowedChannels.AnyAsync(Ct));
        Assert.Equal(marker, await RulesMarkerAsync(world));
    }

    [Fact]
    public async Task AFourthFollowOverWebSocketIsRefusedWithTheReason()
    {
        // Arrange: the default WebSocket transport, three channels followed already.
        await using var world = await StartAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        string[] logins = ["owl_one", "owl_two", "owl_three", "owl_four"];
        for (var i = 0; i < logins.Length; i++)
        {
            world.World.Twitch.AddUser($"77123410{i}", logins[i], logins[i]);
        }

        foreach (var login in logins[..3])
        {
            using var ok = await ada.PostFormAsync(Page, Page + "?handler=Follow",
                new Dictionary<string, string> { ["login"] = login });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        // Act
        using var fourth = await ada.PostFormAsync(Page, Page + "?handler=Follow",
            new Dictionary<string, string> { ["login"] = logins[3] });
        var page = WebUtility.HtmlDecode(await fourth.Content.ReadAsStringAsync(Ct));

        // Assert
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Contains("login: a linked account follows at most 3 channels over EventSub WebSocket", page,
            StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.Equal(
            logins[..3],
            await db.FollowedChannels.OrderBy(x => x.Position).Select(x => x.Login).ToListAsync(Ct));
    }

    [Fact]
    public async Task RemovingAFollowDeletesItAndBumpsTheRulesMarker()
    {
        // Arrange
        await using var world = await StartAsync();
        world.World.Twitch.AddUser(FriendId, "night_owl", "Night_Owl");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        using var follow = await ada.PostFormAsync(Page, Page + "?handler=Follow",
            new Dictionary<string, string> { ["login"] = "night_owl" });
        long followId;
        await using (var db = Db(world))
        {
            followId = (await db.FollowedChannels.SingleAsync(Ct)).Id;
        }

        var marker = await RulesMarkerAsync(world);

        // Act
        using var remove = await ada.PostFormAsync(Page, Page + "?handler=Unfollow",
            new Dictionary<string, string> { ["followId"] = $"{followId}" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, follow.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        await using var after = Db(world);
        Assert.False(await after.FollowedChannels.AnyAsync(Ct));
        Assert.NotEqual(marker, await RulesMarkerAsync(world));
    }

    [Fact]
    public async Task SubscriberRolesPerTierAreStoredAndTheOldProblemIsCleared()
    {
        // Arrange
        await using var world = await StartAsync();
        await using (var db = Db(world))
        {
            var link = await db.GuildLinks.SingleAsync(Ct);
            link.SubscriberRoleProblem = "the bot lacks the Manage Roles permission";
            await db.SaveChangesAsync(Ct);
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var before = Regex.Replace(WebUtility.HtmlDecode(await ada.GetPageAsync(Page)), @"\s+", " ");

        // Act: the single-role picker is posted too, but the mode says per tier.
        using var save = await ada.PostFormAsync(Page, Page + "?handler=SubscriberRoles",
            new Dictionary<string, string>
            {
                ["Mode"] = "tier",
                ["RoleId"] = DashboardWorld.LiveRoleId,
                ["Tier1000"] = Tier1Role,
                ["Tier2000"] = Tier2Role,
                ["Tier3000"] = Tier3Role,
                ["GiftRoleId"] = "",
                ["IncludeGifts"] = "false",
            });
        var (_, export, _) = await world.World.CliAsync("config", "export");

        // Assert
        Assert.Contains("Last problem with subscriber roles: the bot lacks the Manage Roles permission", before,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var after = Db(world);
        var stored = await after.GuildLinks.SingleAsync(Ct);
        Assert.Null(stored.SubscriberRoleId);
        Assert.Equal((Tier1Role, Tier2Role, Tier3Role), (stored.SubscriberTier1000RoleId,
            stored.SubscriberTier2000RoleId, stored.SubscriberTier3000RoleId));
        Assert.False(stored.SubscriberRolesIncludeGifts);
        Assert.Null(stored.SubscriberRoleProblem);
        Assert.Contains($"\"tier2000\": \"{Tier2Role}\"", export, StringComparison.Ordinal);
        Assert.Contains("\"includeGifts\": false", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingAConnectedMemberTakesBackTheSubscriberRoleTheServiceGave()
    {
        // Arrange: a viewer connected from this guild holds the tier 1 role the service gave.
        await using var world = await StartAsync();
        world.Discord.Guild(TwitchWorld.GuildId).AddMember(ViewerMember, Tier1Role);
        await using (var db = Db(world))
        {
            db.MemberLinks.Add(new MemberLink
            {
                DiscordUserId = ViewerMember,
                TwitchUserId = "771234099",
                TwitchLogin = "pixel_wanderer",
                TwitchDisplayName = "Pixel_Wanderer",
                GuildId = TwitchWorld.GuildId,
            });
            db.SubscriberRoleGrants.Add(new SubscriberRoleGrant
            {
                GuildId = TwitchWorld.GuildId,
                DiscordUserId = ViewerMember,
                RoleId = Tier1Role,
                TwitchUserId = "771234099",
            });
            await db.SaveChangesAsync(Ct);
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var listed = await ada.GetPageAsync(Page);

        // Act
        using var remove = await ada.PostFormAsync(Page, Page + "?handler=RemoveMember",
            new Dictionary<string, string> { ["memberId"] = ViewerMember });

        // Assert
        Assert.Contains("pixel_wanderer", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Contains("rolesTaken=1", remove.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(world.Discord.Requests, r => r.Method == "DELETE" && r.Path.EndsWith(
            $"/guilds/{TwitchWorld.GuildId}/members/{ViewerMember}/roles/{Tier1Role}", StringComparison.Ordinal));
        Assert.Empty(world.Discord.Guild(TwitchWorld.GuildId).RolesOf(ViewerMember)!);
        await using var after = Db(world);
        Assert.False(await after.SubscriberRoleGrants.AnyAsync(Ct));
        Assert.False(await after.MemberLinks.AnyAsync(Ct));
    }

    [Fact]
    public async Task AMemberHoldingARoleInAnotherServerIsNotRemovableByThisServersAdmin()
    {
        // Arrange: the viewer connected from this guild, but also holds a subscriber role in another server.
        await using var world = await StartAsync();
        await using (var db = Db(world))
        {
            db.MemberLinks.Add(new MemberLink
            {
                DiscordUserId = ViewerMember,
                TwitchUserId = "771234099",
                TwitchLogin = "pixel_wanderer",
                TwitchDisplayName = "Pixel_Wanderer",
                GuildId = TwitchWorld.GuildId,
            });
            db.SubscriberRoleGrants.Add(new SubscriberRoleGrant
            {
                GuildId = DashboardWorld.OtherGuildId,
                DiscordUserId = ViewerMember,
                RoleId = Tier1Role,
                TwitchUserId = "771234099",
            });
            await db.SaveChangesAsync(Ct);
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var listed = Regex.Replace(WebUtility.HtmlDecode(await ada.GetPageAsync(Page)), @"\s+", " ");

        // Act
        using var remove = await ada.PostFormAsync(Page, Page + "?handler=RemoveMember",
            new Dictionary<string, string> { ["memberId"] = ViewerMember });

        // Assert: listed without a Remove button, refused when posted by hand, nothing taken anywhere.
        Assert.Contains("pixel_wanderer", listed, StringComparison.Ordinal);
        Assert.Contains("only the member can end it", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.DoesNotContain(world.Discord.Requests, r => r.Method == "DELETE" && r.Path.Contains("/roles/"));
        await using var after = Db(world);
        Assert.True(await after.MemberLinks.AnyAsync(Ct));
        Assert.True(await after.SubscriberRoleGrants.AnyAsync(Ct));
    }

    [Fact]
    public async Task GuildPageShowsTheStoredRoleProblemsWithALinkToTheRolesPage()
    {
        // Arrange
        await using var world = await StartAsync();
        await using (var db = Db(world))
        {
            var link = await db.GuildLinks.SingleAsync(Ct);
            link.LiveRoleProblem = "the bot lacks the Manage Roles permission";
            link.SubscriberRoleProblem = "the subscriber role 920000000000000011 no longer exists";
            await db.SaveChangesAsync(Ct);
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        // Act
        var page = Regex.Replace(WebUtility.HtmlDecode(await ada.GetPageAsync($"/guilds/{TwitchWorld.GuildId}")),
            @"\s+", " ");

        // Assert
        Assert.Contains("Live role: the bot lacks the Manage Roles permission.", page, StringComparison.Ordinal);
        Assert.Contains("Subscriber roles: the subscriber role 920000000000000011 no longer exists", page,
            StringComparison.Ordinal);
        Assert.Contains($"href=\"/guilds/{TwitchWorld.GuildId}/roles#live-role\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/guilds/{TwitchWorld.GuildId}/roles#subscriber-roles\"", page,
            StringComparison.Ordinal);
    }

    /// <summary>The dashboard world with the guild's rules imported, the bot's role raised above the roles the
    /// tests give (the fake puts it at position 1, level with "Live pings"), and the members the tests name in the
    /// guild (the live role service forgets a member Discord does not know).</summary>
    private static async Task<DashboardWorld> StartAsync(params string[] eventKeys)
    {
        var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync(eventKeys);
        var guild = world.Discord.Guild(TwitchWorld.GuildId);
        guild.SetRolePosition(guild.BotRoleId, 5)
            .AddRole(Tier1Role, "Tier 1", position: 2)
            .AddRole(Tier2Role, "Tier 2", position: 3)
            .AddRole(Tier3Role, "Tier 3", position: 4)
            .AddMember(StreamerMember)
            .AddMember(FriendMember);
        return world;
    }

    private static Task<string> RulesMarkerAsync(DashboardWorld world) =>
        world.World.Host.Services.GetRequiredService<ChangeMarkers>().ReadAsync(ChangeMarkers.Rules, Ct);

    private static RelayDbContext Db(DashboardWorld world) =>
        world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
}
