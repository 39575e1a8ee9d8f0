using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;

namespace TwitchRelay.Tests.Discord.Commands;

public sealed partial class MemberConnectTests
{
    private const string ViewerTwitchId = "702341856";

    [Fact]
    public async Task AMemberConnectsTheirTwitchAccountWithNoScopesAndDisconnects()
    {
        // Arrange: any member (no Manage Server), signed in at Twitch as a viewer.
        await using var world = await CommandWorld.StartAsync(withTwitch: true);
        world.Twitch!.AddUser(ViewerTwitchId, "pixel_wanderer", "Pixel_Wanderer");
        world.Twitch.SignInAs(ViewerTwitchId);

        // Act 1: /twitch connect answers privately with a one-time link.
        var answer = await world.RunAsync("connect", CommandWorld.MemberPermissions, CommandWorld.Member);
        Assert.True(answer.Ephemeral);
        var url = ConnectUrl().Match(answer.Content!).Value;
        Assert.False(string.IsNullOrEmpty(url), answer.Content);

        // Act 2: the member opens it, presses the button, goes through Twitch and back.
        using var browser = NewBrowser();
        var ct = TestContext.Current.CancellationToken;
        var confirm = await browser.GetStringAsync(url, ct);
        Assert.Contains("Continue to Twitch", confirm, StringComparison.Ordinal);
        var ticket = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["ticket"]!;
        using var done = await browser.PostAsync(
            new Uri(new Uri(url), "/twitch/connect"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ticket"] = ticket }),
            ct);
        var page = await done.Content.ReadAsStringAsync(ct);

        // Assert 2: connected; Twitch was asked for no scope at all; the member's token was revoked; mapping stored.
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Twitch account connected", page, StringComparison.Ordinal);
        var authorize = Assert.Single(world.Twitch.Authorizations);
        Assert.Empty(authorize.Scopes);
        Assert.EndsWith("/twitch/connect/callback", authorize.RedirectUri, StringComparison.Ordinal);
        Assert.Single(world.Twitch.RevokedTokens);
        var link = Assert.Single(await MemberLinksAsync(world));
        Assert.Equal((CommandWorld.Member, ViewerTwitchId), (link.DiscordUserId, link.TwitchUserId));

        // Assert 3: the link is used up.
        using var again = await browser.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        // Act 4: disconnect.
        var disconnected = await world.RunAsync("disconnect", CommandWorld.MemberPermissions, CommandWorld.Member);

        // Assert 4
        Assert.Equal("Disconnected your Twitch account Pixel\\_Wanderer.", disconnected.Content);
        Assert.Empty(await MemberLinksAsync(world));
        var nothing = await world.RunAsync("disconnect", CommandWorld.MemberPermissions, CommandWorld.Member);
        Assert.Equal("No Twitch account is connected to your Discord account.", nothing.Content);
    }

    [Fact]
    public async Task AnotherBrowserCannotFinishAMembersConnect()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(withTwitch: true);
        world.Twitch!.AddUser(ViewerTwitchId, "pixel_wanderer", "Pixel_Wanderer");
        world.Twitch.SignInAs(ViewerTwitchId);
        var answer = await world.RunAsync("connect", CommandWorld.MemberPermissions, CommandWorld.Member);
        var url = new Uri(ConnectUrl().Match(answer.Content!).Value);
        var ticket = System.Web.HttpUtility.ParseQueryString(url.Query)["ticket"]!;
        var ct = TestContext.Current.CancellationToken;

        // Act: the button is pressed in one browser, the Twitch redirect is followed by another (no cookie).
        using var first = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var start = await first.PostAsync(
            new Uri(url, "/twitch/connect"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ticket"] = ticket }),
            ct);
        using var authorize = await first.GetAsync(start.Headers.Location, ct);
        using var other = new HttpClient(new HttpClientHandler { UseCookies = false });
        using var callback = await other.GetAsync(authorize.Headers.Location, ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, callback.StatusCode);
        Assert.Contains("another browser", await callback.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Empty(await MemberLinksAsync(world));
    }

    private static HttpClient NewBrowser() => new(new HttpClientHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 10,
    });

    private static async Task<List<TwitchRelay.Storage.Entities.MemberLink>> MemberLinksAsync(CommandWorld world)
    {
        var contexts = world.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.MemberLinks.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"https?://\S+/twitch/connect\?ticket=\S+")]
    private static partial Regex ConnectUrl();
}
