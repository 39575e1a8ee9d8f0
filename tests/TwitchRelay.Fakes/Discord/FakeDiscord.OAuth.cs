using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Discord's OAuth2 for a dashboard: the browser's authorize page (approves at once for the signed-in user),
/// the token endpoint (form body only, client credentials as Basic), and <c>GET /users/@me</c> and
/// <c>GET /users/@me/guilds</c> with a Bearer token, each needing its scope.
/// https://discord.com/developers/docs/topics/oauth2#authorization-code-grant</summary>
public sealed partial class FakeDiscord
{
    private static readonly TimeSpan OAuthTokenLifetime = TimeSpan.FromDays(7);
    private readonly Dictionary<string, FakeOAuthUser> oauthUsers = [];
    private readonly Dictionary<string, FakeOAuthCode> oauthCodes = [];
    private readonly Dictionary<string, FakeOAuthToken> oauthTokens = [];
    private readonly List<FakeOAuthAuthorization> oauthAuthorizations = [];
    private string? oauthSignedIn;
    private bool oauthDenyConsent;

    /// <summary>The browser-facing authorize URL (Discord's is https://discord.com/oauth2/authorize).</summary>
    public string OAuthAuthorizeUrl => ApiBaseUrl[..^"/api/v10".Length] + "/oauth2/authorize";

    public string OAuthClientId
    {
        get => options.OAuthClientId;
        set => options.OAuthClientId = value;
    }

    public string OAuthClientSecret
    {
        get => options.OAuthClientSecret;
        set => options.OAuthClientSecret = value;
    }

    public IReadOnlyList<FakeOAuthAuthorization> OAuthAuthorizations
    {
        get
        {
            lock (gate)
            {
                return [.. oauthAuthorizations];
            }
        }
    }

    /// <summary>A Discord user who can sign in to the dashboard; add the guilds they are in with
    /// <see cref="FakeOAuthUser.InGuild"/>.</summary>
    public FakeOAuthUser AddOAuthUser(string userId, string username)
    {
        lock (gate)
        {
            var user = new FakeOAuthUser(userId, username, gate);
            oauthUsers[userId] = user;
            return user;
        }
    }

    /// <summary>The user the authorize page approves for (a browser signed in to Discord).</summary>
    public void OAuthSignInAs(string userId)
    {
        lock (gate)
        {
            oauthSignedIn = userId;
        }
    }

    /// <summary>The user presses "Cancel" on the authorize page.</summary>
    public void OAuthDenyConsent(bool deny = true)
    {
        lock (gate)
        {
            oauthDenyConsent = deny;
        }
    }

    /// <summary>The user de-authorizes the app in Discord's settings: their tokens stop working.</summary>
    /// <summary>How many access tokens of <paramref name="userId"/> Discord would still accept.</summary>
    public int OAuthTokenCountOf(string userId)
    {
        lock (gate)
        {
            return oauthTokens.Count(x => x.Value.UserId == userId);
        }
    }

    public void OAuthRevokeTokensOf(string userId)
    {
        lock (gate)
        {
            foreach (var token in oauthTokens.Where(x => x.Value.UserId == userId).Select(x => x.Key).ToList())
            {
                oauthTokens.Remove(token);
            }
        }
    }

    /// <summary>Answers the OAuth2 routes and the user routes called with a Bearer token, or null for every other
    /// route.</summary>
    private FakeDiscordAnswer? AnswerOAuth(RecordedDiscordRequest request)
    {
        if (request.Path == "/oauth2/authorize" && request.Method == "GET")
        {
            lock (gate)
            {
                return Authorize(request);
            }
        }

        var api = request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal)
            ? request.Path[ApiPrefix.Length..]
            : null;
        var bearer = request.Header("Authorization")?.StartsWith("Bearer ", StringComparison.Ordinal) == true;
        if (api is not ("oauth2/token" or "oauth2/token/revoke")
            && !(bearer && api is "users/@me" or "users/@me/guilds"))
        {
            // The bot's own /users/@me and guild list (Bot token) are the guild routes' business.
            return null;
        }

        // The same two user routes answer the bot itself when called with its token.
        var asBot = request.Header("Authorization")?.StartsWith("Bot ", StringComparison.Ordinal) == true;
        if (api is not ("oauth2/token" or "oauth2/token/revoke") && asBot)
        {
            return null;
        }

        // https://discord.com/developers/docs/reference#user-agent
        if (request.Header("User-Agent")?.StartsWith("DiscordBot (", StringComparison.Ordinal) != true)
        {
            return FakeDiscordAnswer.Error(400, 0, "400: Bad Request (User-Agent must be 'DiscordBot (url, version)')");
        }

        lock (gate)
        {
            return api switch
            {
                "oauth2/token" when request.Method == "POST" => Token(request),
                "oauth2/token/revoke" when request.Method == "POST" => Revoke(request),
                "users/@me" when request.Method == "GET" => WithBearer(request, "identify", CurrentUser),
                "users/@me/guilds" when request.Method == "GET" => WithBearer(request, "guilds", CurrentUserGuilds),
                _ => FakeDiscordAnswer.Error(405, 0, "405: Method Not Allowed"),
            };
        }
    }

    private FakeDiscordAnswer Authorize(RecordedDiscordRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.Query);
        string clientId = query.GetValueOrDefault("client_id").ToString();
        string redirectUri = query.GetValueOrDefault("redirect_uri").ToString();
        string? state = query.TryGetValue("state", out var s) ? s.ToString() : null;
        var scopes = query.GetValueOrDefault("scope").ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var record = new FakeOAuthAuthorization(clientId, redirectUri, scopes, state);
        oauthAuthorizations.Add(record);

        if (query.GetValueOrDefault("response_type").ToString() != "code" || clientId != options.OAuthClientId)
        {
            return FakeDiscordAnswer.Error(400, 0, "Invalid OAuth2 request (response_type or client_id)");
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            return FakeDiscordAnswer.Error(400, 0, "Invalid OAuth2 redirect_uri");
        }

        var stateParameter = state is null ? "" : "&state=" + Uri.EscapeDataString(state);
        if (oauthDenyConsent)
        {
            return Redirect(redirectUri, "error=access_denied&error_description="
                + Uri.EscapeDataString("The resource owner or authorization server denied the request")
                + stateParameter);
        }

        if (oauthSignedIn is null)
        {
            return FakeDiscordAnswer.Error(400, 0, "FakeDiscord: no signed-in user; call OAuthSignInAs");
        }

        var code = NewOAuthSecret();
        oauthCodes[code] = new FakeOAuthCode(oauthSignedIn, scopes, redirectUri,
            options.TimeProvider.GetUtcNow() + TimeSpan.FromMinutes(10));
        return Redirect(redirectUri, "code=" + code + stateParameter);
    }

    private FakeDiscordAnswer Token(RecordedDiscordRequest request)
    {
        // https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-exchange-example:
        // the body must be application/x-www-form-urlencoded; JSON is not read.
        if (request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded",
                StringComparison.OrdinalIgnoreCase) != true)
        {
            return OAuthError(400, "unsupported_grant_type", "Expected a form body");
        }

        if (!BasicCredentialsMatch(request.Header("Authorization")))
        {
            return OAuthError(401, "invalid_client", null);
        }

        var form = QueryHelpers.ParseQuery(request.Body);
        if (form.GetValueOrDefault("grant_type").ToString() != "authorization_code")
        {
            return OAuthError(400, "unsupported_grant_type", null);
        }

        var code = form.GetValueOrDefault("code").ToString();
        if (!oauthCodes.Remove(code, out var grant) || grant.ExpiresAt <= options.TimeProvider.GetUtcNow())
        {
            return OAuthError(400, "invalid_grant", "Invalid \"code\" in request.");
        }

        if (form.GetValueOrDefault("redirect_uri").ToString() != grant.RedirectUri)
        {
            return OAuthError(400, "invalid_grant", "Invalid \"redirect_uri\" in request.");
        }

        var token = NewOAuthSecret();
        oauthTokens[token] = new FakeOAuthToken(grant.UserId, grant.Scopes,
            options.TimeProvider.GetUtcNow() + OAuthTokenLifetime);
        return FakeDiscordAnswer.Ok(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)OAuthTokenLifetime.TotalSeconds,
            ["refresh_token"] = NewOAuthSecret(),
            ["scope"] = string.Join(' ', grant.Scopes),
        });
    }

    /// <summary>https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-token-revocation-example:
    /// a form body with the token, the client's Basic credentials; 200 whether or not the token was known.</summary>
    private FakeDiscordAnswer Revoke(RecordedDiscordRequest request)
    {
        if (request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded",
                StringComparison.OrdinalIgnoreCase) != true)
        {
            return OAuthError(400, "invalid_request", "Expected a form body");
        }

        if (!BasicCredentialsMatch(request.Header("Authorization")))
        {
            return OAuthError(401, "invalid_client", null);
        }

        oauthTokens.Remove(QueryHelpers.ParseQuery(request.Body).GetValueOrDefault("token").ToString());
        return FakeDiscordAnswer.Ok(new JsonObject());
    }

    private FakeDiscordAnswer WithBearer(
        RecordedDiscordRequest request,
        string scope,
        Func<FakeOAuthUser, FakeDiscordAnswer> answer)
    {
        var header = request.Header("Authorization") ?? "";
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)
            || !oauthTokens.TryGetValue(header["Bearer ".Length..], out var token)
            || token.ExpiresAt <= options.TimeProvider.GetUtcNow()
            || !oauthUsers.TryGetValue(token.UserId, out var user))
        {
            return FakeDiscordAnswer.Error(401, 0, "401: Unauthorized");
        }

        return token.Scopes.Contains(scope)
            ? answer(user)
            : FakeDiscordAnswer.Error(401, 0, "401: Unauthorized");
    }

    private static FakeDiscordAnswer CurrentUser(FakeOAuthUser user) => FakeDiscordAnswer.Ok(new JsonObject
    {
        ["id"] = user.Id,
        ["username"] = user.Username,
        ["global_name"] = user.Username,
        ["avatar"] = null,
    });

    private static FakeDiscordAnswer CurrentUserGuilds(FakeOAuthUser user) =>
        FakeDiscordAnswer.Ok(new JsonArray([.. user.Guilds.Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.GuildId,
            ["name"] = g.Name,
            ["icon"] = null,
            ["owner"] = g.Owner,
            // A string: the bitfield can exceed 2^53. https://discord.com/developers/docs/topics/permissions
            ["permissions"] = g.Permissions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["features"] = new JsonArray(),
        })]));

    private bool BasicCredentialsMatch(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || value.Scheme != "Basic"
            || value.Parameter is null)
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            return pair == $"{options.OAuthClientId}:{options.OAuthClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static FakeDiscordAnswer OAuthError(int status, string error, string? description)
    {
        var body = new JsonObject { ["error"] = error };
        if (description is not null)
        {
            body["error_description"] = description;
        }

        return new FakeDiscordAnswer(status, body.ToJsonString());
    }

    private static FakeDiscordAnswer Redirect(string redirectUri, string query)
    {
        var answer = new FakeDiscordAnswer(302, null);
        answer.Headers["Location"] = redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + query;
        return answer;
    }

    private static string NewOAuthSecret() =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private sealed record FakeOAuthCode(string UserId, string[] Scopes, string RedirectUri, DateTimeOffset ExpiresAt);

    private sealed record FakeOAuthToken(string UserId, string[] Scopes, DateTimeOffset ExpiresAt);
}

/// <summary>A user of the fake's OAuth: who they are and the guilds <c>/users/@me/guilds</c> lists for them.</summary>
public sealed class FakeOAuthUser(string id, string username, Lock gate)
{
    private readonly List<FakeOAuthGuild> guilds = [];

    public string Id { get; } = id;

    public string Username { get; } = username;

    public IReadOnlyList<FakeOAuthGuild> Guilds
    {
        get
        {
            lock (gate)
            {
                return [.. guilds];
            }
        }
    }

    /// <summary>Adds (or replaces) a guild the user is in, with their guild-level permission bits.</summary>
    public FakeOAuthUser InGuild(string guildId, string name, bool owner = false, ulong permissions = 0)
    {
        lock (gate)
        {
            guilds.RemoveAll(x => x.GuildId == guildId);
            guilds.Add(new FakeOAuthGuild(guildId, name, owner, permissions));
        }

        return this;
    }

    public void LeaveGuild(string guildId)
    {
        lock (gate)
        {
            guilds.RemoveAll(x => x.GuildId == guildId);
        }
    }
}

public sealed record FakeOAuthGuild(string GuildId, string Name, bool Owner, ulong Permissions);

public sealed record FakeOAuthAuthorization(string ClientId, string RedirectUri, string[] Scopes, string? State);
