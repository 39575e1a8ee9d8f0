using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The dashboard in headless Chromium, end to end: Discord sign-in through the fake OAuth, linking through
/// the fake Twitch, and what the pages then show.</summary>
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AdminSignsInLinksTwitchSeesTheAccountAndUnlinks()
    {
        await using var world = await DashboardWorld.StartAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(world.BaseAddress.ToString());
        await Screenshots.SaveAsync(page, "01-home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Discord" }).ClickAsync();
        await page.Locator("#sign-in-with-discord").ClickAsync();
        await page.WaitForURLAsync("**/servers");
        await Screenshots.SaveAsync(page, "02-servers");
        var servers = await page.Locator("ul.servers").InnerTextAsync();

        Assert.Contains(DashboardWorld.GuildName, servers, StringComparison.Ordinal);
        Assert.DoesNotContain("Just a member", servers, StringComparison.Ordinal);

        await page.Locator($"li[data-guild-id='{TwitchWorld.GuildId}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/guilds/{TwitchWorld.GuildId}");
        Assert.Contains("No Twitch account is linked", await page.Locator("#twitch-account").InnerTextAsync(),
            StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Link Twitch account" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "the server's dashboard" }).ClickAsync();
        await page.WaitForURLAsync($"**/guilds/{TwitchWorld.GuildId}");
        await Screenshots.SaveAsync(page, "03-guild-linked");
        var account = await page.Locator("#twitch-account").InnerTextAsync();

        Assert.Contains("Ember_Hollow", account, StringComparison.Ordinal);
        Assert.Contains("Regular", account, StringComparison.Ordinal);
        Assert.Contains("Healthy", account, StringComparison.Ordinal);
        Assert.Contains("Last event: none yet", account, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Un-Link…" }).ClickAsync();
        await page.WaitForURLAsync("**/unlink");
        await Screenshots.SaveAsync(page, "04-unlink-confirm");
        var wiped = await page.Locator("#wiped").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Un-link and wipe" }).ClickAsync();
        await page.WaitForURLAsync("**/guilds/*?done=unlinked");

        Assert.Contains("its tokens (revoked at Twitch, then deleted)", wiped, StringComparison.Ordinal);
        Assert.Contains("No Twitch account is linked", await page.Locator("#twitch-account").InnerTextAsync(),
            StringComparison.Ordinal);
        await using var db = world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        Assert.False(await db.GuildLinks.AnyAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.TwitchAccounts.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PagesAreReadableOnAPhone()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        await world.World.LinkInBrowserAsync();
        var page = await browser.NewPageAsync(phone: true);

        await page.GotoAsync(new Uri(world.BaseAddress, "/signin").ToString());
        await page.Locator("#sign-in-with-discord").ClickAsync();
        await page.WaitForURLAsync("**/servers");
        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}").ToString());
        await Screenshots.SaveAsync(page, "phone-guild");

        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px screen");
        Assert.Contains("Ember_Hollow", await page.Locator("#twitch-account").InnerTextAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminSetsUpAnAlertWithLivePreviewSendsATestAndTogglesIt()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        var page = await SignInAsync(world);
        // The content security policy must leave the dashboard's own script and styles working.
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}").ToString());
        await page.Locator("#event-follow a", new() { HasText = "Set up" }).ClickAsync();
        await page.WaitForURLAsync("**/events/follow");
        var form = page.Locator("#rule-new form").First;
        await form.Locator("select[name=ChannelId]").SelectOptionAsync(TwitchWorld.AlertsChannel);
        await form.GetByLabel("@Live pings").CheckAsync();
        await form.Locator("textarea[name=Template]").FillAsync("{user} is here, welcome!");
        await Assertions.Expect(form.Locator(".discord-content")).ToContainTextAsync("is here, welcome!");
        Assert.Contains("@Live pings", await form.Locator(".discord-content").InnerTextAsync(),
            StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "05-event-preview");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/events/follow?done=saved");

        await world.World.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Type == "channel.follow" && x.Status == "enabled"),
            TimeSpan.FromSeconds(30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test alert" }).ClickAsync();
        await page.WaitForURLAsync("**/events/follow?done=test");
        await world.Discord.WaitUntilAsync(d => d.MessagesIn(TwitchWorld.AlertsChannel).Count == 1,
            TimeSpan.FromSeconds(15));
        await Screenshots.SaveAsync(page, "06-event-saved");

        var test = Assert.Single(world.Discord.MessagesIn(TwitchWorld.AlertsChannel));
        Assert.Contains("is here, welcome!", test.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&", test.Content, StringComparison.Ordinal);
        var post = world.Discord.Requests.Last(x => x.Path.EndsWith($"/channels/{TwitchWorld.AlertsChannel}/messages",
            StringComparison.Ordinal));
        Assert.Contains("\"roles\":[]", post.Body, StringComparison.Ordinal);

        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}").ToString());
        Assert.Contains("On → #stream-alerts", await page.Locator("#event-follow").InnerTextAsync(),
            StringComparison.Ordinal);
        await page.Locator("#event-follow").GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await page.WaitForURLAsync("**done=toggled*");
        await Screenshots.SaveAsync(page, "07-guild-events");

        Assert.Contains("Off → #stream-alerts", await page.Locator("#event-follow").InnerTextAsync(),
            StringComparison.Ordinal);
        await world.World.Twitch.WaitUntilAsync(
            t => !t.Subscriptions.Any(x => x.Type == "channel.follow" && x.Status == "enabled"),
            TimeSpan.FromSeconds(30));
        Assert.Contains("Needs affiliate or partner", await page.Locator("#event-cheer").TextContentAsync(),
            StringComparison.Ordinal);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task SavingNamesWhatTheBotLacksInTheChosenChannel()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        var page = await SignInAsync(world);

        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}/events/raid").ToString());
        var form = page.Locator("#rule-new form").First;
        await form.Locator("select[name=ChannelId]").SelectOptionAsync(DashboardWorld.NoEmbedsChannel);
        await form.GetByLabel("@Quiet").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await Screenshots.SaveAsync(page, "08-permission-check");

        var problems = await page.Locator(".problems").InnerTextAsync();
        Assert.Contains("In #no-embeds the bot lacks: Embed Links", problems, StringComparison.Ordinal);
        Assert.Contains("@Quiet is not mentionable", problems, StringComparison.Ordinal);
        await using var db = world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        Assert.False(await db.AlertRules.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FailedDeliveryShowsWhyAndResendDeliversIt()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        await world.World.LinkInBrowserAsync();
        await world.World.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Type == "channel.follow" && x.Status == "enabled"),
            TimeSpan.FromSeconds(30));
        var page = await SignInAsync(world);

        // The bot loses Send Messages in the alerts channel: Discord answers 403 / 50013, a final failure.
        world.Discord.Guild(TwitchWorld.GuildId).AddTextChannel(TwitchWorld.AlertsChannel, "stream-alerts",
            new FakeOverwrite(TwitchWorld.GuildId, 0, Allow: 0, Deny: 1UL << 11));
        var session = world.World.WebSocket.Sessions.Single(x => x.IsOpen);
        await world.World.WebSocket.SendNotificationAsync(
            session.Id, "channel.follow", "2", SamplePayloads.Read("channel.follow.json"));
        await world.Discord.WaitUntilAsync(d => d.Requests.Any(x => x.Status == 403), TimeSpan.FromSeconds(15));
        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}/activity").ToString());
        await Assertions.Expect(page.Locator("li.delivery .delivery-status")).ToContainTextAsync("Failed");
        await Screenshots.SaveAsync(page, "09-activity-failed");

        Assert.Contains("channel.follow: 1", await page.Locator("#events-today").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Contains("50013", await page.Locator("li.delivery").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(world.Discord.MessagesIn(TwitchWorld.AlertsChannel));

        world.Discord.Guild(TwitchWorld.GuildId).AddTextChannel(TwitchWorld.AlertsChannel, "stream-alerts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resend" }).ClickAsync();
        await page.WaitForURLAsync("**/activity?done=resent");
        await world.Discord.WaitUntilAsync(d => d.MessagesIn(TwitchWorld.AlertsChannel).Count == 1,
            TimeSpan.FromSeconds(15));
        var status = await Eventually.UntilAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("li.delivery .delivery-status").InnerTextAsync();
            },
            text => text.Contains("Delivered", StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "10-activity-resent");

        Assert.Contains("Pixel", world.Discord.MessagesIn(TwitchWorld.AlertsChannel)[0].EmbedsJson,
            StringComparison.Ordinal);
        Assert.Contains("Delivered", status, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Resend" }).CountAsync());

        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}").ToString());
        Assert.EndsWith("UTC", await page.Locator(".last-event").InnerTextAsync(), StringComparison.Ordinal);

        // Un-link: the confirmation names what goes, and afterwards none of it is left.
        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}/unlink").ToString());
        var wiped = await page.Locator("#wiped").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Un-link and wipe" }).ClickAsync();
        await page.WaitForURLAsync("**/guilds/*?done=unlinked");

        Assert.Contains("1 alert rule(s)", wiped, StringComparison.Ordinal);
        Assert.Contains("1 delivery record(s)", wiped, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#events").CountAsync());
        await using var db = world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.False(await db.GuildLinks.AnyAsync(ct));
        Assert.False(await db.AlertRules.AnyAsync(ct));
        Assert.False(await db.Deliveries.AnyAsync(ct));
        Assert.False(await db.TwitchAccounts.AnyAsync(ct));
        Assert.DoesNotContain(world.World.Twitch.Subscriptions, x => x.Status == "enabled");
    }

    [Fact]
    public async Task AdminSetsTheLiveRoleAndFollowsAChannelOnStreamAndRoles()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("stream.online");
        await world.World.LinkInBrowserAsync();
        var guild = world.Discord.Guild(TwitchWorld.GuildId);
        // The streamer is a member: the live role service forgets a member Discord does not know.
        guild.SetRolePosition(guild.BotRoleId, 5).AddMember("800000000000000042");
        world.World.Twitch.AddUser("771234001", "night_owl", "Night_Owl");
        var page = await SignInAsync(world);

        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Stream & roles" }).ClickAsync();
        await page.WaitForURLAsync("**/roles");
        var liveRole = page.Locator("#live-role form");
        await liveRole.Locator("select[name=liveRoleId]").SelectOptionAsync(DashboardWorld.LiveRoleId);
        await liveRole.Locator("input[name=streamerDiscordUserId]").FillAsync("800000000000000042");
        await liveRole.GetByRole(AriaRole.Button, new() { Name = "Save live role" }).ClickAsync();
        await page.WaitForURLAsync("**done=live-role*");
        var follow = page.Locator("#follows form").Last;
        await follow.Locator("input[name=login]").FillAsync("night_owl");
        await follow.GetByRole(AriaRole.Button, new() { Name = "Follow channel" }).ClickAsync();
        await page.WaitForURLAsync("**done=followed*");
        await Screenshots.SaveAsync(page, "11-stream-and-roles");

        Assert.Equal(DashboardWorld.LiveRoleId,
            await page.Locator("#live-role select[name=liveRoleId]").InputValueAsync());
        Assert.Contains("Night_Owl", await page.Locator("ul.follows").InnerTextAsync(), StringComparison.Ordinal);
        await using var db = world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var link = await db.GuildLinks.SingleAsync(ct);
        Assert.Equal((DashboardWorld.LiveRoleId, "800000000000000042"), (link.LiveRoleId, link.StreamerDiscordUserId));
        Assert.Equal("771234001", (await db.FollowedChannels.SingleAsync(ct)).BroadcasterId);
    }

    private async Task<IPage> SignInAsync(DashboardWorld world)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(world.BaseAddress, "/signin").ToString());
        await page.Locator("#sign-in-with-discord").ClickAsync();
        await page.WaitForURLAsync("**/servers");
        return page;
    }
}
