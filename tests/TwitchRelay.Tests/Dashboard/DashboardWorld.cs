using System.Net;
using System.Text.RegularExpressions;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The Twitch world plus Discord users for the dashboard: an admin of the linked guild, and a second admin
/// who manages only another guild (the one trying to reach what is not theirs).</summary>
internal sealed partial class DashboardWorld : IAsyncDisposable
{
    public const string AdminId = "800000000000000001";
    public const string OtherAdminId = "800000000000000002";
    public const string GuildName = "Ember's Den";
    public const string OtherGuildId = "900000000000000009";
    public const string OtherGuildName = "Someone Else's Server";
    public const string ManagedNoBotGuildId = "900000000000000002";
    public const string AdministratorGuildId = "900000000000000003";
    public const string MemberOnlyGuildId = "900000000000000004";
    public const string NoEmbedsChannel = "910000000000000003";
    public const string OtherChannel = "910000000000000009";
    public const string LiveRoleId = "920000000000000001";
    public const string QuietRoleId = "920000000000000002";
    private const ulong EmbedLinks = 1UL << 14;
    private const ulong ManageGuild = 1UL << 5;
    private const ulong Administrator = 1UL << 3;
    private const ulong SendMessages = 1UL << 11;

    private DashboardWorld(TwitchWorld world)
    {
        World = world;
    }

    public TwitchWorld World { get; }

    public FakeDiscord Discord => World.Discord;

    public Uri BaseAddress => World.Host.BaseAddress;

    public static async Task<DashboardWorld> StartAsync(string broadcasterType = "")
    {
        var world = await TwitchWorld.StartAsync(broadcasterType);
        world.Discord.AddOAuthUser(AdminId, "ada")
            .InGuild(TwitchWorld.GuildId, GuildName, owner: true)
            .InGuild(ManagedNoBotGuildId, "Managed, no bot", permissions: ManageGuild | SendMessages)
            .InGuild(AdministratorGuildId, "Administrator here", permissions: Administrator)
            .InGuild(MemberOnlyGuildId, "Just a member", permissions: SendMessages)
            // A member of the other guild, without rights there.
            .InGuild(OtherGuildId, OtherGuildName, permissions: SendMessages);
        world.Discord.AddOAuthUser(OtherAdminId, "mallory")
            .InGuild(OtherGuildId, OtherGuildName, owner: true)
            .InGuild(TwitchWorld.GuildId, GuildName, permissions: SendMessages);
        world.Discord.OAuthSignInAs(AdminId);

        // The bot is in the linked guild, the Administrator one and the other admin's guild; not in the second.
        world.Discord.AddGuild(TwitchWorld.GuildId, AdminId, GuildName)
            .AddTextChannel(TwitchWorld.AlertsChannel, "stream-alerts")
            .AddTextChannel(TwitchWorld.AdminChannel, "mods")
            .AddTextChannel(NoEmbedsChannel, "no-embeds",
                new FakeOverwrite(TwitchWorld.GuildId, 0, Allow: 0, Deny: EmbedLinks))
            .AddRole(LiveRoleId, "Live pings", position: 1, mentionable: true)
            .AddRole(QuietRoleId, "Quiet", position: 1, mentionable: false);
        world.Discord.AddGuild(AdministratorGuildId, "800000000000000077", "Administrator here");
        world.Discord.AddGuild(OtherGuildId, OtherAdminId, OtherGuildName)
            .AddTextChannel(OtherChannel, "elsewhere");
        world.Discord.AddChannel(OtherChannel);
        return new DashboardWorld(world);
    }

    /// <summary>An HTTP browser that signed in as <paramref name="userId"/> through the fake Discord OAuth; it does
    /// not follow redirects, so tests see each answer.</summary>
    public async Task<DashboardClient> SignInAsync(string userId)
    {
        Discord.OAuthSignInAs(userId);
        var client = DashboardClient.Anonymous(BaseAddress);
        using var start = await client.Http.GetAsync("/signin/discord", Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var authorize = await client.Http.GetAsync(start.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        using var callback = await client.Http.GetAsync(authorize.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/servers", callback.Headers.Location?.OriginalString);
        return client;
    }

    public DashboardClient Anonymous() => DashboardClient.Anonymous(BaseAddress);

    public async ValueTask DisposeAsync() => await World.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

/// <summary>An HttpClient with its own cookies, that does not follow redirects, and can post a page's forms with
/// their antiforgery token.</summary>
internal sealed partial class DashboardClient : IDisposable
{
    private DashboardClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public static DashboardClient Anonymous(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
        return new DashboardClient(http, cookies);
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The antiforgery token a page of this session carries (it is per session, not per form).</summary>
    public async Task<string> AntiforgeryTokenAsync(string formPage)
    {
        var page = await GetPageAsync(formPage);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formPage}");
        return WebUtility.HtmlDecode(token);
    }

    /// <summary>Takes the antiforgery token from <paramref name="formPage"/> (a page this client may see) and posts
    /// <paramref name="fields"/> to <paramref name="path"/>, as a browser with an edited form would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string formPage,
        string path,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await GetPageAsync(formPage);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {formPage}");
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        };
        return await Http.PostAsync(path, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
