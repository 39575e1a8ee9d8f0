using System.Net;
using System.Text.RegularExpressions;
using TwitchRelay.Cli;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary>Fake Twitch (OAuth, Helix, EventSub WebSocket) and fake Discord on loopback, the real service between
/// them, and a browser (an HttpClient with cookies that follows redirects) for the streamer.</summary>
internal sealed partial class TwitchWorld : IAsyncDisposable
{
    public const string ClientId = "relayclientid0000000000000000";
    public const string ClientSecret = "relay-client-secret-0000000000";
    public const string StreamerId = "583920147";
    public const string GuildId = "900000000000000001";
    public const string AlertsChannel = "910000000000000001";
    public const string AdminChannel = "910000000000000002";

    private TwitchWorld(FakeTwitch twitch, FakeEventSubWebSocket webSocket, FakeDiscord discord, TestSettings settings)
    {
        Twitch = twitch;
        WebSocket = webSocket;
        Discord = discord;
        Settings = settings;
    }

    public FakeTwitch Twitch { get; }

    public FakeEventSubWebSocket WebSocket { get; }

    public FakeDiscord Discord { get; }

    public TestSettings Settings { get; }

    public RelayTestHost Host { get; private set; } = null!;

    public const string PublicUrl = "https://relay.example";

    public static async Task<TwitchWorld> StartAsync(string broadcasterType = "", bool webhook = false)
    {
        var twitch = await FakeTwitch.StartAsync(ClientId, ClientSecret);
        var webSocket = await FakeEventSubWebSocket.StartAsync();
        webSocket.Options.RequireSubscriptionWithin = null;
        twitch.IsWebSocketSessionConnected = webSocket.IsConnected;
        twitch.AddUser(StreamerId, "ember_hollow", "Ember_Hollow", broadcasterType);
        twitch.SignInAs(StreamerId);
        var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { BotToken = TestSecrets.BotToken });
        discord.AddChannel(AlertsChannel);
        discord.AddChannel(AdminChannel);

        var settings = new TestSettings(discord.ApiBaseUrl)
            .With("Twitch:ClientId", ClientId)
            .With("Twitch:ClientSecret", ClientSecret)
            .With("Twitch:ApiBaseUrl", twitch.ApiBaseUrl)
            .With("Twitch:AuthBaseUrl", twitch.AuthBaseUrl)
            .With("EventSub:WebSocketUrl", webSocket.Url)
            .With("Discord:ClientId", discord.OAuthClientId)
            .With("Discord:ClientSecret", discord.OAuthClientSecret)
            .With("Discord:OAuthAuthorizeUrl", discord.OAuthAuthorizeUrl);
        if (webhook)
        {
            settings.With("EventSub:Transport", "webhook").With("PublicUrl", PublicUrl);
        }

        var world = new TwitchWorld(twitch, webSocket, discord, settings);
        world.Host = await RelayTestHost.StartAsync(settings);
        settings.With("Urls", world.Host.BaseAddress.ToString().TrimEnd('/'));
        return world;
    }

    public async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(args, Settings.Build(), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task ImportRulesAsync(params string[] eventKeys)
    {
        var alerts = string.Join(
            ", ",
            eventKeys.Select(key => $$"""{ "event": "{{key}}", "channelId": "{{AlertsChannel}}" }"""));
        var file = Path.Combine(Settings.Folder, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            { "version": 1, "guilds": [ { "guildId": "{{GuildId}}", "broadcasterId": "{{StreamerId}}",
              "adminChannelId": "{{AdminChannel}}", "alerts": [ {{alerts}} ] } ] }
            """);
        var (exit, _, error) = await CliAsync("config", "import", file);
        Assert.True(exit == 0, error);
    }

    /// <summary>Runs <c>twitch link</c> (or <c>relink</c>) and opens the printed URL in a fresh browser; returns
    /// the page the streamer ends on.</summary>
    public async Task<(HttpStatusCode Status, string Page)> LinkInBrowserAsync(bool relink = false)
    {
        var (exit, output, error) = await CliAsync("twitch", relink ? "relink" : "link", "--guild", GuildId);
        Assert.True(exit == 0, error);
        var url = LinkUrl().Match(output).Value;
        Assert.False(string.IsNullOrEmpty(url), output);
        using var browser = new HttpClient(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
        });
        using var confirm = await browser.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Contains("Continue to Twitch",
            await confirm.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var response = await PressContinueAsync(browser, new Uri(url));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>What the confirmation page's button does: POST the guild and ticket of <paramref name="linkUrl"/>.
    /// </summary>
    public static Task<HttpResponseMessage> PressContinueAsync(HttpClient browser, Uri linkUrl)
    {
        var query = System.Web.HttpUtility.ParseQueryString(linkUrl.Query);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["guild"] = query["guild"]!,
            ["ticket"] = query["ticket"]!,
        });
        var post = new Uri(linkUrl, "/twitch/link");
        return browser.PostAsync(post, form, TestContext.Current.CancellationToken);
    }

    /// <summary>The same walk as <see cref="LinkInBrowserAsync"/>, for a service whose PublicUrl is not this
    /// machine: the redirect back from Twitch is sent to the test host instead.</summary>
    public async Task<HttpStatusCode> LinkThroughPublicUrlAsync()
    {
        var (_, output, _) = await CliAsync("twitch", "link", "--guild", GuildId);
        var url = new Uri(LinkUrl().Match(output).Value.Replace(PublicUrl, Host.BaseAddress.ToString().TrimEnd('/'),
            StringComparison.Ordinal));
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;
        using var start = await PressContinueAsync(browser, url);
        using var authorize = await browser.GetAsync(start.Headers.Location, ct);
        var callback = authorize.Headers.Location!;

        // The binding cookie is Secure (PublicUrl is https); this browser reaches the service over plain http on
        // loopback, so it carries the cookie by hand, as a browser on the https address would.
        var setCookie = start.Headers.GetValues("Set-Cookie").Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Host.BaseAddress, callback.PathAndQuery));
        request.Headers.Add("Cookie", setCookie.Split(';')[0]);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        using var page = await browser.SendAsync(request, ct);
        return page.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await WebSocket.DisposeAsync();
        await Twitch.DisposeAsync();
        await Discord.DisposeAsync();
        Settings.Dispose();
    }

    [GeneratedRegex(@"https?://\S+/twitch/link\?guild=\d+&ticket=\S+")]
    private static partial Regex LinkUrl();
}
