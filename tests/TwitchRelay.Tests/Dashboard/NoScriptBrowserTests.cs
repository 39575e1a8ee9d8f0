using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The basic forms with JavaScript off, and the progress indicator with it on.</summary>
public sealed class NoScriptBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignInSetUpAndPreviewWorkWithJavaScriptOff()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(world.BaseAddress, "/signin").ToString());
        await page.Locator("#sign-in-with-discord").ClickAsync();
        await page.WaitForURLAsync("**/servers");
        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}/events/raid").ToString());
        var form = page.Locator("#rule-new form").First;
        await form.Locator("textarea[name=Template]").FillAsync("Incoming: {viewers} viewers");
        await form.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var preview = await page.Locator("#rule-new .discord-content").InnerTextAsync();
        await page.Locator("#rule-new form").First.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })
            .ClickAsync();
        await page.WaitForURLAsync("**/events/raid?done=saved");

        Assert.Contains("Incoming: ", preview, StringComparison.Ordinal);
        await using var db = world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        var rule = await db.AlertRules.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Incoming: {viewers} viewers", rule.Template);
        Assert.Equal(TwitchWorld.AlertsChannel, rule.ChannelId);
    }

    [Fact]
    public async Task ASubmittedFormShowsItIsBusyUntilTheAnswerComes()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(world.BaseAddress, "/signin").ToString());
        await page.Locator("#sign-in-with-discord").ClickAsync();
        await page.WaitForURLAsync("**/servers");
        await page.GotoAsync(new Uri(world.BaseAddress, $"/guilds/{TwitchWorld.GuildId}/unlink").ToString());

        // A listener added after dashboard.js's sees the form as it leaves; sessionStorage outlives the navigation.
        await page.EvaluateAsync("""
            () => document.addEventListener("submit", (e) => sessionStorage.setItem("busy",
                e.submitter.getAttribute("aria-busy") + "|" + e.target.getAttribute("aria-busy")))
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Un-link and wipe" }).ClickAsync();
        await page.WaitForURLAsync("**/guilds/*?done=unlinked");

        Assert.Equal("true|true", await page.EvaluateAsync<string>("() => sessionStorage.getItem('busy')"));
        Assert.Equal(0, await page.Locator("[aria-busy=true]").CountAsync());
    }
}
