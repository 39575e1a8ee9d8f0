using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TwitchRelay.Fakes.Discord;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The fake's OAuth2 enforces Discord's rules, so the dashboard's client is tested against them: a form
/// body only, Basic client credentials, single-use codes bound to their redirect URI, Bearer tokens limited to their
/// scopes. https://discord.com/developers/docs/topics/oauth2</summary>
public sealed class FakeDiscordOAuthTests
{
    private const string Redirect = "http://127.0.0.1:1/signin/callback";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TokenEndpointTakesAFormWithBasicCredentialsAndACodeOnce()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.AddOAuthUser("800000000000000001", "ada");
        discord.OAuthSignInAs("800000000000000001");
        using var http = Client();
        var code = await CodeAsync(discord, http, "identify");

        using var json = await TokenAsync(discord, http, new StringContent(
            $$"""{"grant_type":"authorization_code","code":"{{code}}","redirect_uri":"{{Redirect}}"}""",
            Encoding.UTF8, "application/json"), discord.OAuthClientSecret);
        using var wrongSecret = await TokenAsync(discord, http, Form(code, Redirect), "not-the-secret");
        using var wrongRedirect = await TokenAsync(discord, http, Form(code, "http://127.0.0.1:1/elsewhere"),
            discord.OAuthClientSecret);
        using var reused = await TokenAsync(discord, http, Form(code, Redirect), discord.OAuthClientSecret);

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Contains("unsupported_grant_type", await json.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Contains("invalid_client", await wrongSecret.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The wrong redirect spends the code, as at Discord: the next exchange is refused too.
        Assert.Equal(HttpStatusCode.BadRequest, wrongRedirect.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("invalid_grant", await reused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BearerTokenReadsOnlyWhatItsScopesAllow()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.AddOAuthUser("800000000000000001", "ada").InGuild("900000000000000001", "Den", owner: true);
        discord.OAuthSignInAs("800000000000000001");
        using var http = Client();
        var code = await CodeAsync(discord, http, "identify");
        using var exchange = await TokenAsync(discord, http, Form(code, Redirect), discord.OAuthClientSecret);
        var body = System.Text.Json.JsonDocument.Parse(await exchange.Content.ReadAsStringAsync(Ct));
        var token = body.RootElement.GetProperty("access_token").GetString();

        using var me = await GetAsync(discord, http, "/users/@me", token);
        using var guilds = await GetAsync(discord, http, "/users/@me/guilds", token);
        using var forged = await GetAsync(discord, http, "/users/@me", "not-a-token");

        Assert.Equal(604800, body.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guilds.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static HttpClient Client()
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.test, 1.0)");
        return http;
    }

    private static async Task<string> CodeAsync(FakeDiscord discord, HttpClient http, string scope)
    {
        var url = $"{discord.OAuthAuthorizeUrl}?response_type=code&client_id={discord.OAuthClientId}"
            + $"&scope={scope}&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s1";
        using var authorize = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Headers.Location!.Query);
        Assert.Equal("s1", query["state"]);
        return query["code"]!;
    }

    private static FormUrlEncodedContent Form(string code, string redirect) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirect,
    });

    private static async Task<HttpResponseMessage> TokenAsync(
        FakeDiscord discord,
        HttpClient http,
        HttpContent content,
        string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, discord.ApiBaseUrl + "/oauth2/token")
        {
            Content = content,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{discord.OAuthClientId}:{secret}")));
        return await http.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> GetAsync(
        FakeDiscord discord,
        HttpClient http,
        string path,
        string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, discord.ApiBaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, Ct);
    }
}
