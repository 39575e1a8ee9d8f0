using System.Net;
using TwitchRelay.Dashboard.Auth;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>Sign in with Discord over HTTP: the state is single-use and bound to the browser, the session cookie is
/// HttpOnly, SameSite=Lax and carries no readable token, and the server list keeps only managed guilds.</summary>
public sealed class SignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInAsksIdentifyAndGuildsAndListsOnlyManagedGuilds()
    {
        await using var world = await DashboardWorld.StartAsync();

        using var client = await world.SignInAsync(DashboardWorld.AdminId);
        var page = await client.GetPageAsync("/servers");

        var authorize = Assert.Single(world.Discord.OAuthAuthorizations);
        Assert.Equal(["identify", "guilds"], authorize.Scopes);
        Assert.Equal(new Uri(world.BaseAddress, "/signin/callback").ToString(), authorize.RedirectUri);
        Assert.Contains(DashboardWorld.GuildName.Replace("'", "&#x27;", StringComparison.Ordinal), page,
            StringComparison.Ordinal);
        Assert.Contains("Managed, no bot", page, StringComparison.Ordinal);
        Assert.Contains("Administrator here", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Just a member", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DashboardWorld.OtherGuildName.Replace("'", "&#x27;", StringComparison.Ordinal), page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuildsWithoutTheBotGetAnInstallLinkForThatGuild()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var client = await world.SignInAsync(DashboardWorld.AdminId);

        var page = System.Net.WebUtility.HtmlDecode(await client.GetPageAsync("/servers"));

        var install = $"{world.Discord.OAuthAuthorizeUrl}?client_id={world.Discord.OAuthClientId}"
            + "&scope=bot%20applications.commands&permissions=268520448"
            + $"&guild_id={DashboardWorld.ManagedNoBotGuildId}&disable_guild_select=true";
        Assert.Contains($"href=\"{install}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/guilds/{TwitchWorld.GuildId}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/guilds/{DashboardWorld.AdministratorGuildId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/guilds/{DashboardWorld.ManagedNoBotGuildId}\"", page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuildPageWithoutTheBotSaysSoWithoutAskingDiscordAboutIt()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var client = await world.SignInAsync(DashboardWorld.AdminId);

        var page = await client.GetPageAsync($"/guilds/{DashboardWorld.ManagedNoBotGuildId}");

        Assert.Contains("The bot is not in this server yet", page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Discord.Requests, x => x.Path.Contains(DashboardWorld.ManagedNoBotGuildId,
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesRefuseFramingAndForeignScripts()
    {
        await using var world = await DashboardWorld.StartAsync();
        var anonymous = world.Anonymous();

        using var home = await anonymous.Http.GetAsync("/", Ct);
        using var link = await anonymous.Http.GetAsync("/twitch/link?guild=1&ticket=nope", Ct);

        foreach (var response in new[] { home, link })
        {
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task SessionCookieIsHttpOnlyLaxAndHoldsNoReadableToken()
    {
        await using var world = await DashboardWorld.StartAsync();
        var start = world.Anonymous();
        world.Discord.OAuthSignInAs(DashboardWorld.AdminId);

        using var begin = await start.Http.GetAsync("/signin/discord", Ct);
        using var authorize = await start.Http.GetAsync(begin.Headers.Location, Ct);
        using var callback = await start.Http.GetAsync(authorize.Headers.Location, Ct);

        var setCookie = callback.Headers.GetValues("Set-Cookie").Single(x => x.StartsWith("twitchrelay_session=",
            StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        var token = world.Discord.Requests.Last(x => x.Path.EndsWith("/users/@me", StringComparison.Ordinal))
            .Header("Authorization")!["Bearer ".Length..];
        Assert.DoesNotContain(token, setCookie, StringComparison.Ordinal);
        var exchange = world.Discord.Requests.Single(x => x.Path.EndsWith("/oauth2/token", StringComparison.Ordinal));
        Assert.StartsWith("application/x-www-form-urlencoded", exchange.Header("Content-Type"),
            StringComparison.Ordinal);
        Assert.StartsWith("Basic ", exchange.Header("Authorization"), StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", exchange.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackIsRefusedWithoutTheBrowsersStateCookieOrWhenReplayed()
    {
        await using var world = await DashboardWorld.StartAsync();
        var victim = world.Anonymous();
        using var begin = await victim.Http.GetAsync("/signin/discord", Ct);
        using var authorize = await victim.Http.GetAsync(begin.Headers.Location, Ct);
        var callbackUrl = authorize.Headers.Location!;

        // Another browser (no state cookie) cannot finish this sign-in.
        var attacker = world.Anonymous();
        using var stolen = await attacker.Http.GetAsync(callbackUrl, Ct);
        // The right browser can, once.
        using var first = await victim.Http.GetAsync(callbackUrl, Ct);
        using var replay = await victim.Http.GetAsync(callbackUrl, Ct);
        using var servers = await attacker.Http.GetAsync("/servers", Ct);

        Assert.Equal("/signin?error=state", stolen.Headers.Location?.OriginalString);
        Assert.Equal("/servers", first.Headers.Location?.OriginalString);
        Assert.Equal("/signin?error=state", replay.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, servers.StatusCode);
        Assert.StartsWith("/signin", servers.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedStateIsRefusedAndDeniedConsentSaysSo()
    {
        await using var world = await DashboardWorld.StartAsync();
        var browser = world.Anonymous();
        using var begin = await browser.Http.GetAsync("/signin/discord", Ct);
        using var authorize = await browser.Http.GetAsync(begin.Headers.Location, Ct);
        var forged = authorize.Headers.Location!.ToString().Replace("state=", "state=x", StringComparison.Ordinal);

        using var refused = await browser.Http.GetAsync(forged, Ct);
        world.Discord.OAuthDenyConsent();
        using var again = await browser.Http.GetAsync("/signin/discord", Ct);
        using var denied = await browser.Http.GetAsync(again.Headers.Location, Ct);
        using var back = await browser.Http.GetAsync(denied.Headers.Location, Ct);
        var page = await browser.GetPageAsync(back.Headers.Location!.OriginalString);

        Assert.Equal("/signin?error=state", refused.Headers.Location?.OriginalString);
        Assert.Equal("/signin?error=denied", back.Headers.Location?.OriginalString);
        Assert.Contains("Discord did not authorize the sign-in", page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Discord.Requests, x => x.Path.EndsWith("/oauth2/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SessionCookieIsSecureBehindAnHttpsPublicUrl()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var settings = new TestSettings(discord.ApiBaseUrl)
            .With("Discord:ClientId", discord.OAuthClientId)
            .With("Discord:ClientSecret", discord.OAuthClientSecret)
            .With("Discord:OAuthAuthorizeUrl", discord.OAuthAuthorizeUrl)
            .With("PublicUrl", "https://relay.example");
        await using var host = await RelayTestHost.StartAsync(settings);
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = host.BaseAddress,
        };

        using var begin = await browser.GetAsync("/signin/discord", Ct);

        var stateCookie = begin.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("secure", stateCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("redirect_uri=https%3A%2F%2Frelay.example%2Fsignin%2Fcallback",
            begin.Headers.Location!.ToString(), StringComparison.Ordinal);
        var options = host.Services.GetRequiredService<
            Microsoft.Extensions.Options.IOptionsMonitor<
                Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>().Get("Cookies");
        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
    }

    [Fact]
    public async Task WithoutOAuthSettingsTheSignInPageSaysWhatToSet()
    {
        using var settings = new TestSettings();
        await using var host = await RelayTestHost.StartAsync(settings);
        var browser = DashboardClient.Anonymous(host.BaseAddress);

        var page = await browser.GetPageAsync("/signin");
        using var start = await browser.Http.GetAsync("/signin/discord", Ct);

        Assert.Contains("Sign-in with Discord is not set up", page, StringComparison.Ordinal);
        Assert.Contains("Discord:ClientId", page, StringComparison.Ordinal);
        Assert.Contains("Discord:ClientSecret", page, StringComparison.Ordinal);
        Assert.Equal("/signin", start.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GuildListIsAskedOnceForSeveralPagesThenAgainAfterSignOut()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var client = await world.SignInAsync(DashboardWorld.AdminId);

        await client.GetPageAsync("/servers");
        await client.GetPageAsync("/servers");
        var tokensBefore = world.Discord.OAuthTokenCountOf(DashboardWorld.AdminId);
        using var signOut = await client.PostFormAsync("/servers", "/signout");
        using var after = await client.Http.GetAsync("/servers", Ct);

        Assert.Single(world.Discord.Requests, x => x.Path.EndsWith("/users/@me/guilds", StringComparison.Ordinal)
            && x.Header("Authorization")!.StartsWith("Bearer ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        // The Discord token is revoked too: a copy of the cookie no longer opens Discord.
        Assert.Equal(1, tokensBefore);
        Assert.Equal(0, world.Discord.OAuthTokenCountOf(DashboardWorld.AdminId));
    }

    [Fact]
    public async Task RevokedDiscordTokenEndsTheSession()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var client = await world.SignInAsync(DashboardWorld.AdminId);

        world.Discord.OAuthRevokeTokensOf(DashboardWorld.AdminId);
        using var page = await client.Http.GetAsync("/servers", Ct);

        Assert.Equal("/signin?error=expired", page.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/guilds/1?x=2", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\n/evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("evil.example", false)]
    [InlineData("", false)]
    public void OnlyPathsOnThisSiteAreReturnedTo(string returnUrl, bool local) =>
        Assert.Equal(local, SignInEndpoints.IsLocal(returnUrl));

    [Fact]
    public async Task SignInReturnsToTheLocalPageAskedForButNeverToAnotherSite()
    {
        await using var world = await DashboardWorld.StartAsync();
        var browser = world.Anonymous();

        using var guarded = await browser.Http.GetAsync($"/guilds/{TwitchWorld.GuildId}", Ct);
        var signIn = await browser.GetPageAsync(guarded.Headers.Location!.PathAndQuery);
        using var evil = await browser.Http.GetAsync("/signin/discord?returnUrl=//evil.example/x", Ct);
        using var authorize = await browser.Http.GetAsync(evil.Headers.Location, Ct);
        using var callback = await browser.Http.GetAsync(authorize.Headers.Location, Ct);

        Assert.Contains($"/signin/discord?returnUrl=%2Fguilds%2F{TwitchWorld.GuildId}", signIn,
            StringComparison.Ordinal);
        Assert.Equal("/servers", callback.Headers.Location?.OriginalString);
    }
}
