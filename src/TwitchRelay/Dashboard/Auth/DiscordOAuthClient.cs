using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TwitchRelay.Discord;

namespace TwitchRelay.Dashboard.Auth;

/// <summary>Discord's OAuth2 authorization code grant for the dashboard: the authorize URL, the code exchange and the
/// two user calls the scopes <c>identify guilds</c> allow.
/// https://discord.com/developers/docs/topics/oauth2#authorization-code-grant</summary>
/// <remarks>Throws <see cref="HttpRequestException"/> when Discord cannot be reached.</remarks>
public sealed partial class DiscordOAuthClient(
    HttpClient http,
    IOptions<DiscordOptions> options,
    ILogger<DiscordOAuthClient> logger)
{
    public const string Scopes = "identify guilds";

    public string BuildAuthorizeUrl(string redirectUri, string state)
    {
        var discord = options.Value;
        var query = new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = discord.ClientId!,
            ["scope"] = Scopes,
            ["redirect_uri"] = redirectUri,
            ["state"] = state,
        };
        return discord.OAuthAuthorizeUrl + "?" + string.Join('&', query.Select(
            x => $"{x.Key}={Uri.EscapeDataString(x.Value)}"));
    }

    /// <summary>The bot's install link for one guild, asking exactly the permissions the service needs
    /// (facts.md §6: VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, READ_MESSAGE_HISTORY, MANAGE_ROLES).</summary>
    public string BuildBotInstallUrl(string guildId)
    {
        var discord = options.Value;
        return $"{discord.OAuthAuthorizeUrl}?client_id={discord.ClientId}"
            + $"&scope={Uri.EscapeDataString("bot applications.commands")}&permissions={BotPermissions}"
            + $"&guild_id={guildId}&disable_guild_select=true";
    }

    public const ulong BotPermissions = 268520448;

    public bool CanBuildBotInstallUrl => !string.IsNullOrWhiteSpace(options.Value.ClientId);

    /// <summary>Exchanges a code; the token endpoint takes a form body only, the client credentials as Basic.
    /// Returns null when Discord refuses the code.</summary>
    public async Task<string?> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct)
    {
        var discord = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, discord.ApiBaseUrl.TrimEnd('/') + "/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
            }),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{discord.ClientId}:{discord.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            LogExchangeRefused((int)response.StatusCode);
            return null;
        }

        var token = await response.Content.ReadFromJsonAsync(DashboardJsonContext.Default.OAuthTokenResponse, ct);
        return token?.AccessToken;
    }

    /// <summary>Revokes the access token at sign-out, so a copied session cookie stops opening Discord with it.
    /// Best effort: false (logged) when Discord refuses or cannot be reached; the session ends either way.
    /// https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-token-revocation-example</summary>
    public async Task<bool> RevokeAsync(string accessToken, CancellationToken ct)
    {
        var discord = options.Value;
        using var request = new HttpRequestMessage(
            HttpMethod.Post, discord.ApiBaseUrl.TrimEnd('/') + "/oauth2/token/revoke")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["token"] = accessToken,
                ["token_type_hint"] = "access_token",
            }),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{discord.ClientId}:{discord.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRevokeRefused((int)response.StatusCode);
        }
        catch (HttpRequestException exception)
        {
            LogRevokeFailed(exception);
        }

        return false;
    }

    /// <summary>Null when the token is no longer accepted (401).</summary>
    public async Task<OAuthUser?> GetCurrentUserAsync(string accessToken, CancellationToken ct)
    {
        using var response = await GetAsync("/users/@me", accessToken, ct);
        return response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadFromJsonAsync(DashboardJsonContext.Default.OAuthUser, ct)
            : null;
    }

    /// <summary>The guilds the user is in, with their guild-level permissions; null when the token is no longer
    /// accepted. Pages hold at most 200 guilds: follow <c>after</c> until a short page.
    /// https://discord.com/developers/docs/resources/user#get-current-user-guilds</summary>
    public async Task<IReadOnlyList<UserGuild>?> GetCurrentUserGuildsAsync(
        string accessToken,
        CancellationToken ct)
    {
        var all = new List<UserGuild>();
        string? after = null;
        while (true)
        {
            var path = "/users/@me/guilds?limit=200" + (after is null ? "" : "&after=" + after);
            using var response = await GetAsync(path, accessToken, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogGuildsRefused((int)response.StatusCode);
                return null;
            }

            var page = await response.Content.ReadFromJsonAsync(DashboardJsonContext.Default.ListUserGuild,
                ct) ?? [];
            all.AddRange(page);
            if (page.Count < 200)
            {
                return all;
            }

            after = page[^1].Id;
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.Value.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request, ct);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "Discord refused a dashboard sign-in code exchange with HTTP {Status}")]
    private partial void LogExchangeRefused(int status);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Discord refused to revoke a dashboard token at sign-out with HTTP {Status}")]
    private partial void LogRevokeRefused(int status);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "Could not reach Discord to revoke a dashboard token at sign-out")]
    private partial void LogRevokeFailed(Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Discord refused the dashboard user's guild list with HTTP {Status}")]
    private partial void LogGuildsRefused(int status);
}

public sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>https://discord.com/developers/docs/resources/user#user-object</summary>
public sealed record OAuthUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("global_name")] string? GlobalName,
    [property: JsonPropertyName("avatar")] string? Avatar);

/// <summary>A guild as <c>GET /users/@me/guilds</c> lists it. <see cref="Permissions"/> is a string bitfield of the
/// user's guild-level permissions (channel overwrites excluded).</summary>
public sealed record UserGuild(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("icon")] string? Icon,
    [property: JsonPropertyName("owner")] bool Owner,
    [property: JsonPropertyName("permissions")] string? Permissions)
{
    private const ulong Administrator = 1UL << 3;
    private const ulong ManageGuild = 1UL << 5;

    /// <summary>Owner, Administrator or Manage Server: who may configure the guild's alerts.
    /// https://discord.com/developers/docs/topics/permissions</summary>
    public bool CanManage =>
        Owner || (ulong.TryParse(Permissions, out var bits) && (bits & (Administrator | ManageGuild)) != 0);
}

[JsonSerializable(typeof(OAuthTokenResponse))]
[JsonSerializable(typeof(OAuthUser))]
[JsonSerializable(typeof(List<UserGuild>))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
