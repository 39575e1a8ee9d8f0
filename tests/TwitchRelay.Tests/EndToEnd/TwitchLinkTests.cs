using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary>Issue 3 end to end: link, subscriptions, a notification over WebSocket, revocation, re-link, un-link.
/// </summary>
public class TwitchLinkTests
{
    [Fact]
    public async Task LinkCreatesSubscriptionsOnTheWebSocketAndNotificationsBecomeAlerts()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow", "raid");

        var (status, page) = await world.LinkInBrowserAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled") == 2, TimeSpan.FromSeconds(30));
        var session = world.WebSocket.Sessions.Single(x => x.IsOpen);
        await world.WebSocket.SendNotificationAsync(
            session.Id, "channel.follow", "2", SamplePayloads.Read("channel.follow.json"));
        await world.Discord.WaitForMessagesAsync(1);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Linked <strong>Ember_Hollow</strong> (regular account)", page, StringComparison.Ordinal);
        var subscriptions = world.Twitch.Subscriptions.Where(x => x.Status == "enabled").ToList();
        Assert.Equal(["channel.follow", "channel.raid"], subscriptions.Select(x => x.Type).Order());
        Assert.All(subscriptions, x => Assert.Equal(session.Id, x.SessionId));
        Assert.Equal(TwitchWorld.StreamerId, subscriptions.Single(x => x.Type == "channel.follow")
            .Condition["moderator_user_id"]);
        var authorize = Assert.Single(world.Twitch.Authorizations);
        Assert.DoesNotContain(authorize.Scopes, scope => scope.Contains(":manage:", StringComparison.Ordinal)
            || scope.Contains(":edit", StringComparison.Ordinal) || scope == "channel:moderate");
        Assert.DoesNotContain("bits:read", authorize.Scopes);
        Assert.Contains("Pixel", Assert.Single(world.Discord.MessagesIn(TwitchWorld.AlertsChannel)).EmbedsJson,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensAreEncryptedAtRest()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");

        await world.LinkInBrowserAsync();

        var issued = world.Twitch.IssuedTokens.Single(x => x.UserId == TwitchWorld.StreamerId);
        var stored = await DatabaseFiles.ReadAllAsync(Path.Combine(world.Settings.Folder, "relay.db"));
        Assert.True(DatabaseFiles.Holds(stored, "ember_hollow"), "the login should be readable");
        Assert.False(DatabaseFiles.Holds(stored, issued.AccessToken), "access token in clear");
        Assert.False(DatabaseFiles.Holds(stored, issued.RefreshToken!), "refresh token in clear");
    }

    [Fact]
    public async Task RevokedAuthorizationBreaksTheLinkAndTellsTheAdmins()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        await world.LinkInBrowserAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Status == "enabled"), TimeSpan.FromSeconds(30));
        var session = world.WebSocket.Sessions.Single(x => x.IsOpen);

        world.Twitch.RevokeAuthorization(TwitchWorld.StreamerId);
        await world.WebSocket.SendRevocationAsync(session.Id, SamplePayloads.Read("transport/revocation.json"));
        await world.Discord.WaitForMessagesAsync(1);

        var account = await AccountAsync(world);
        Assert.NotNull(account);
        Assert.Contains("authorization_revoked", account.BrokenReason, StringComparison.Ordinal);
        var notice = Assert.Single(world.Discord.MessagesIn(TwitchWorld.AdminChannel));
        Assert.Contains("twitch relink --guild " + TwitchWorld.GuildId, notice.Content, StringComparison.Ordinal);
        Assert.Contains($"<{world.Host.BaseAddress}guilds/{TwitchWorld.GuildId}>", notice.Content,
            StringComparison.Ordinal);
        var post = world.Discord.Requests.Single(x => x.Path.EndsWith($"/channels/{TwitchWorld.AdminChannel}/messages",
            StringComparison.Ordinal));
        Assert.Contains("\"parse\":[]", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolesWithoutAlertRulesStillSubscribeTheEventsTheyFollow()
    {
        // An affiliate guild that posts no alert at all, but gives subscriber roles and a live role.
        await using var world = await TwitchWorld.StartAsync(broadcasterType: "affiliate");
        var file = Path.Combine(world.Settings.Folder, "roles-only.json");
        await File.WriteAllTextAsync(file, $$"""
            { "version": 1, "guilds": [ { "guildId": "{{TwitchWorld.GuildId}}",
              "broadcasterId": "{{TwitchWorld.StreamerId}}", "liveRoleId": "920000000000000001",
              "streamerDiscordUserId": "940000000000000001",
              "subscriberRoles": { "roleId": "920000000000000002" }, "alerts": [] } ] }
            """, TestContext.Current.CancellationToken);
        var (exit, _, error) = await world.CliAsync("config", "import", file);
        Assert.True(exit == 0, error);

        await world.LinkInBrowserAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled") == 5, TimeSpan.FromSeconds(30));

        Assert.Equal(
            ["channel.subscribe", "channel.subscription.end", "channel.subscription.message", "stream.offline",
                "stream.online"],
            world.Twitch.Subscriptions.Where(x => x.Status == "enabled").Select(x => x.Type).Order());
    }

    [Fact]
    public async Task RelinkRepairsABrokenLinkAndPicksUpAffiliateStatus()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        await world.LinkInBrowserAsync();
        world.Twitch.RevokeAuthorization(TwitchWorld.StreamerId);
        var validation = ActivatorUtilities.CreateInstance<TwitchRelay.Twitch.Tokens.TokenValidationService>(
            world.Host.Services);
        await validation.ValidateAllAsync(TestContext.Current.CancellationToken);
        var broken = await AccountAsync(world);
        world.Twitch.SetBroadcasterType(TwitchWorld.StreamerId, "affiliate");

        var (status, page) = await world.LinkInBrowserAsync(relink: true);

        Assert.Contains("Twitch refused to refresh the token", broken!.BrokenReason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("(affiliate account)", page, StringComparison.Ordinal);
        var account = await AccountAsync(world);
        Assert.NotNull(account);
        Assert.Null(account.BrokenReason);
        Assert.Equal("affiliate", account.BroadcasterType);
        Assert.Contains("bits:read", account.ScopeList);
        var trips = world.Twitch.Authorizations.Skip(1).ToList();
        Assert.Equal(2, trips.Count);
        Assert.All(trips, trip => Assert.True(trip.ForceVerify));
        Assert.Contains("bits:read", trips[1].Scopes);
    }

    [Fact]
    public async Task HourlyValidationNoticesAnAccountThatBecameAffiliateAndAsksTheAdminsToRelink()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        await world.LinkInBrowserAsync();
        world.Twitch.SetBroadcasterType(TwitchWorld.StreamerId, "affiliate");
        var validation = ActivatorUtilities.CreateInstance<TwitchRelay.Twitch.Tokens.TokenValidationService>(
            world.Host.Services);

        await validation.ValidateAllAsync(TestContext.Current.CancellationToken);
        await world.Discord.WaitForMessagesAsync(1);

        var account = await AccountAsync(world);
        Assert.Equal("affiliate", account!.BroadcasterType);
        Assert.DoesNotContain("bits:read", account.ScopeList);
        var notice = Assert.Single(world.Discord.MessagesIn(TwitchWorld.AdminChannel));
        Assert.Contains("is now a Twitch affiliate", notice.Content, StringComparison.Ordinal);
        Assert.Contains("twitch relink --guild " + TwitchWorld.GuildId, notice.Content, StringComparison.Ordinal);
        Assert.Contains($"<{world.Host.BaseAddress}guilds/{TwitchWorld.GuildId}>", notice.Content,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task HourlyValidationDropsAffiliateSubscriptionsOfAnAccountThatIsNoLongerAffiliate()
    {
        await using var world = await TwitchWorld.StartAsync(broadcasterType: "affiliate");
        await world.ImportRulesAsync("follow", "cheer");
        await world.LinkInBrowserAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled") == 2, TimeSpan.FromSeconds(30));
        world.Twitch.SetBroadcasterType(TwitchWorld.StreamerId, "");
        var validation = ActivatorUtilities.CreateInstance<TwitchRelay.Twitch.Tokens.TokenValidationService>(
            world.Host.Services);

        await validation.ValidateAllAsync(TestContext.Current.CancellationToken);
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled") == 1, TimeSpan.FromSeconds(30));

        Assert.Equal("", (await AccountAsync(world))!.BroadcasterType);
        Assert.Equal("channel.follow", world.Twitch.Subscriptions.Single(x => x.Status == "enabled").Type);
        Assert.Empty(world.Discord.MessagesIn(TwitchWorld.AdminChannel));
    }

    [Fact]
    public async Task UnlinkLeavesNoTokenNoRuleAndReleasesTheAccountAtTwitch()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow", "raid");
        await world.LinkInBrowserAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled") == 2, TimeSpan.FromSeconds(30));
        var token = world.Twitch.IssuedTokens.Last(x => x.UserId == TwitchWorld.StreamerId).AccessToken;

        var (exit, output, _) = await world.CliAsync("twitch", "unlink", "--guild", TwitchWorld.GuildId);

        Assert.Equal(0, exit);
        Assert.Contains("Un-linked guild", output, StringComparison.Ordinal);
        await using var db = Contexts(world).CreateDbContext();
        Assert.Empty(await db.TwitchAccounts.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.AlertRules.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.GuildLinks.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains(token, world.Twitch.RevokedTokens);
        Assert.DoesNotContain(world.Twitch.Subscriptions, x => x.Status == "enabled");
    }

    [Fact]
    public async Task ForgedOrReplayedCallbackStoresNothing()
    {
        await using var world = await TwitchWorld.StartAsync();
        var (_, output, _) = await world.CliAsync("twitch", "link", "--guild", TwitchWorld.GuildId);
        using var plain = new HttpClient { BaseAddress = world.Host.BaseAddress };

        using var forged = await plain.GetAsync("/twitch/callback?code=abc&state=made-up",
            TestContext.Current.CancellationToken);
        using var noTicket = await plain.GetAsync($"/twitch/link?guild={TwitchWorld.GuildId}&ticket=wrong",
            TestContext.Current.CancellationToken);
        using var denied = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        world.Twitch.DenyConsent();
        var url = new Uri(System.Text.RegularExpressions.Regex.Match(output, @"http://\S+ticket=\S+").Value);
        using var deniedPage = await TwitchWorld.PressContinueAsync(denied, url);
        var deniedText = await deniedPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var reused = await TwitchWorld.PressContinueAsync(denied, url);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTicket.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deniedPage.StatusCode);
        Assert.Contains("Twitch did not authorize the link", deniedText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        await using var db = Contexts(world).CreateDbContext();
        Assert.Empty(await db.TwitchAccounts.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CallbackFromAnotherBrowserIsRefused()
    {
        await using var world = await TwitchWorld.StartAsync();
        var (_, output, _) = await world.CliAsync("twitch", "link", "--guild", TwitchWorld.GuildId);
        var url = new Uri(System.Text.RegularExpressions.Regex.Match(output, @"http://\S+ticket=\S+").Value);
        using var victim = new HttpClient(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
        });
        using var preview = await victim.GetAsync(url, TestContext.Current.CancellationToken);
        using var start = await TwitchWorld.PressContinueAsync(victim, url);
        using var authorize = await victim.GetAsync(start.Headers.Location, TestContext.Current.CancellationToken);
        var callback = authorize.Headers.Location!;
        using var attacker = new HttpClient();

        using var stolen = await attacker.GetAsync(callback, TestContext.Current.CancellationToken);
        var text = await stolen.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, start.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Contains("started in another browser", text, StringComparison.Ordinal);
        await using var db = Contexts(world).CreateDbContext();
        Assert.Empty(await db.TwitchAccounts.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TwoCallbacksForANewGuildFinishingTogetherBothLinkAndLeaveOneLink()
    {
        // A double click, or two tabs: both consents come back at once. Each round starts from an unlinked guild so
        // both callbacks race to create the same link and account rows.
        await using var world = await TwitchWorld.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var round = 0; round < 4; round++)
        {
            var first = await ConsentedCallbackAsync(world);
            var second = await ConsentedCallbackAsync(world);

            var pages = await Task.WhenAll(
                first.Browser.GetAsync(first.Callback, ct),
                second.Browser.GetAsync(second.Callback, ct));

            Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.StatusCode));
            await using var db = Contexts(world).CreateDbContext();
            Assert.Single(await db.GuildLinks.ToListAsync(ct));
            var account = Assert.Single(await db.TwitchAccounts.ToListAsync(ct));
            Assert.Null(account.BrokenReason);
            var (exit, _, error) = await world.CliAsync("twitch", "unlink", "--guild", TwitchWorld.GuildId);
            Assert.True(exit == 0, error);
            first.Browser.Dispose();
            second.Browser.Dispose();
        }
    }

    /// <summary>A browser that went through the ticket and Twitch's consent, stopped just before the callback.
    /// </summary>
    private static async Task<(HttpClient Browser, Uri Callback)> ConsentedCallbackAsync(TwitchWorld world)
    {
        var (_, output, _) = await world.CliAsync("twitch", "link", "--guild", TwitchWorld.GuildId);
        var url = new Uri(System.Text.RegularExpressions.Regex.Match(output, @"http://\S+ticket=\S+").Value);
        var browser = new HttpClient(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
        });
        using var start = await TwitchWorld.PressContinueAsync(browser, url);
        using var authorize = await browser.GetAsync(start.Headers.Location, TestContext.Current.CancellationToken);
        return (browser, authorize.Headers.Location!);
    }

    [Fact]
    public async Task AffiliateOnlyEventsAreRefusedForARegularAccount()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        await world.LinkInBrowserAsync();
        var file = Path.Combine(world.Settings.Folder, "cheer.json");
        await File.WriteAllTextAsync(file, $$"""
            { "version": 1, "guilds": [ { "guildId": "{{TwitchWorld.GuildId}}",
              "broadcasterId": "{{TwitchWorld.StreamerId}}",
              "alerts": [ { "event": "follow", "channelId": "{{TwitchWorld.AlertsChannel}}" },
                          { "event": "cheer", "channelId": "{{TwitchWorld.AlertsChannel}}" } ] } ] }
            """, TestContext.Current.CancellationToken);

        var (exit, _, error) = await world.CliAsync("config", "import", file);

        Assert.Equal(1, exit);
        Assert.Contains("guilds[0].alerts[1].event: \"cheer\" needs an affiliate or partner account; ember_hollow is a "
            + "regular account", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntickedScopesAreNamedAsEventsThatCannotWork()
    {
        await using var world = await TwitchWorld.StartAsync();
        world.Twitch.GrantOnly(TwitchRelay.Alerts.ScopeSets.Regular.Where(x => x != "moderator:read:followers"));

        var (status, page) = await world.LinkInBrowserAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("cannot work with the permissions you granted", page, StringComparison.Ordinal);
        Assert.Contains("<code>follow</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>raid</code>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>cheer</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwitchOutageDuringRefreshDoesNotBreakTheLink()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        await world.LinkInBrowserAsync();
        world.Twitch.ExpireAccessTokensOf(TwitchWorld.StreamerId);
        world.Twitch.FailNext(503, count: 5, pathContains: "/oauth2/token");

        var validation = ActivatorUtilities.CreateInstance<TwitchRelay.Twitch.Tokens.TokenValidationService>(
            world.Host.Services);
        await validation.ValidateAllAsync(TestContext.Current.CancellationToken);

        var account = await AccountAsync(world);
        Assert.NotNull(account);
        Assert.Null(account.BrokenReason);
        Assert.Empty(world.Discord.MessagesIn(TwitchWorld.AdminChannel));
    }

    [Fact]
    public async Task NewsOfARevocationOlderThanTheCurrentTokensIsIgnored()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        var beforeRelink = DateTimeOffset.UtcNow;
        await world.LinkInBrowserAsync();
        var health = world.Host.Services.GetRequiredService<TwitchRelay.Twitch.Tokens.LinkHealth>();

        await health.MarkBrokenAsync(TwitchWorld.StreamerId, "late news", beforeRelink.AddSeconds(-1),
            TestContext.Current.CancellationToken);
        var afterLate = await AccountAsync(world);
        await health.MarkBrokenAsync(TwitchWorld.StreamerId, "fresh news", DateTimeOffset.UtcNow.AddSeconds(1),
            TestContext.Current.CancellationToken);
        var afterFresh = await AccountAsync(world);

        Assert.Null(afterLate!.BrokenReason);
        Assert.Equal("fresh news", afterFresh!.BrokenReason);
    }

    [Fact]
    public async Task RelinkToAnotherAccountReleasesTheOldOne()
    {
        await using var world = await TwitchWorld.StartAsync();
        await world.ImportRulesAsync("follow");
        await world.LinkInBrowserAsync();
        var oldToken = world.Twitch.IssuedTokens.Last(x => x.UserId == TwitchWorld.StreamerId).AccessToken;
        world.Twitch.AddUser("777000111", "second_streamer", "Second_Streamer");
        world.Twitch.SignInAs("777000111");

        var (status, page) = await world.LinkInBrowserAsync(relink: true);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Second_Streamer", page, StringComparison.Ordinal);
        await using var db = Contexts(world).CreateDbContext();
        var accounts = await db.TwitchAccounts.Select(x => x.UserId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["777000111"], accounts);
        Assert.Contains(oldToken, world.Twitch.RevokedTokens);
    }

    [Fact]
    public async Task LinkWithoutTwitchCredentialsIsRefusedUpFront()
    {
        await using var world = await TwitchWorld.StartAsync();
        world.Settings.With("Twitch:ClientId", null);

        var (exit, output, error) = await world.CliAsync("twitch", "link", "--guild", TwitchWorld.GuildId);

        Assert.Equal(2, exit);
        Assert.Contains("Linking needs Twitch:ClientId and Twitch:ClientSecret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ticket=", output, StringComparison.Ordinal);
    }

    private static IDbContextFactory<RelayDbContext> Contexts(TwitchWorld world) =>
        world.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();

    private static async Task<Storage.Entities.TwitchAccount?> AccountAsync(TwitchWorld world)
    {
        await using var db = Contexts(world).CreateDbContext();
        return await db.TwitchAccounts.AsNoTracking().SingleOrDefaultAsync(TestContext.Current.CancellationToken);
    }
}
