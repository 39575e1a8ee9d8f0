using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;

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
}
