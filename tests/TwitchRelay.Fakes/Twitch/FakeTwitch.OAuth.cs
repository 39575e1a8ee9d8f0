using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>id.twitch.tv/oauth2: authorize, token (code, refresh, client credentials), validate, revoke.
/// https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/</summary>
public sealed partial class FakeTwitch
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private FakeTwitchAnswer Authorize(RecordedTwitchRequest request)
    {
        var query = QueryOf(request);
        var clientId = query.GetValueOrDefault("client_id").ToString();
        var redirectUri = query.GetValueOrDefault("redirect_uri").ToString();
        var state = query.TryGetValue("state", out var s) ? s.ToString() : null;
        var scopes = query.GetValueOrDefault("scope").ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var forceVerify = query.GetValueOrDefault("force_verify").ToString() == "true";

        FakeTwitchAnswer Answer(string outcome, FakeTwitchAnswer answer)
        {
            authorizations.Add(new FakeTwitchAuthorizeRequest(
                clientId,
                redirectUri,
                scopes,
                state,
                forceVerify,
                outcome));
            return answer;
        }

        if (query.GetValueOrDefault("response_type").ToString() != "code")
        {
            return Answer("bad request", FakeTwitchAnswer.OAuthError(400, "unsupported response_type"));
        }

        if (clientId != ClientId)
        {
            return Answer("bad request", FakeTwitchAnswer.OAuthError(400, "invalid client"));
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out _))
        {
            return Answer(
                "bad request",
                FakeTwitchAnswer.OAuthError(400, "Parameter redirect_uri does not match registered URI"));
        }

        if (denyConsent)
        {
            return Answer("denied", FakeTwitchAnswer.Redirect(WithQuery(
                redirectUri,
                "error=access_denied&error_description=The+user+denied+you+access" + StateParameter(state))));
        }

        if (signedInUserId is null)
        {
            return Answer("no user", FakeTwitchAnswer.OAuthError(400, "FakeTwitch: no signed-in user; call SignInAs"));
        }

        var granted = grantOnly is null ? scopes : [.. scopes.Where(grantOnly.Contains)];
        Grant(signedInUserId, granted);
        var code = NewToken();
        codes[code] = new FakeTwitchCodeState(signedInUserId, granted, redirectUri, time.GetUtcNow() + CodeLifetime);
        return Answer("granted", FakeTwitchAnswer.Redirect(WithQuery(
            redirectUri,
            $"code={code}&scope={Uri.EscapeDataString(string.Join(' ', granted))}{StateParameter(state)}")));
    }

    private FakeTwitchAnswer Token(RecordedTwitchRequest request)
    {
        if (CheckForm(request) is { } notForm)
        {
            return notForm;
        }

        var form = request.Form;
        if (form.GetValueOrDefault("client_id") != ClientId)
        {
            return FakeTwitchAnswer.OAuthError(400, "invalid client");
        }

        if (form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return FakeTwitchAnswer.OAuthError(403, "invalid client secret");
        }

        return form.GetValueOrDefault("grant_type") switch
        {
            "authorization_code" => ExchangeCode(form),
            "refresh_token" => Refresh(form),
            "client_credentials" => AppToken(IssueAppTokenLocked()),
            _ => FakeTwitchAnswer.OAuthError(400, "unsupported grant_type"),
        };
    }

    private FakeTwitchAnswer ExchangeCode(IReadOnlyDictionary<string, string> form)
    {
        var code = form.GetValueOrDefault("code") ?? "";
        if (!codes.TryGetValue(code, out var state) || state.Used || state.ExpiresAt <= time.GetUtcNow())
        {
            return FakeTwitchAnswer.OAuthError(400, "Invalid authorization code");
        }

        // A code is spent by its first exchange, whatever the outcome.
        state.Used = true;
        if (form.GetValueOrDefault("redirect_uri") != state.RedirectUri)
        {
            return FakeTwitchAnswer.OAuthError(400, "Parameter redirect_uri does not match registered URI");
        }

        return UserToken(IssueUserTokenLocked(state.UserId, state.Scopes));
    }

    // The refresh token rotates: the answer carries a new one and the old one is dead.
    // https://dev.twitch.tv/docs/authentication/refresh-tokens/
    private FakeTwitchAnswer Refresh(IReadOnlyDictionary<string, string> form)
    {
        var refresh = form.GetValueOrDefault("refresh_token") ?? "";
        if (!refreshTokens.TryGetValue(refresh, out var state) || state.Dead)
        {
            return FakeTwitchAnswer.OAuthError(400, "Invalid refresh token");
        }

        state.Dead = true;
        return UserToken(IssueUserTokenLocked(state.UserId, state.Scopes));
    }

    private FakeTwitchAnswer UserToken(FakeTwitchToken token) =>
        FakeTwitchAnswer.Ok(new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["expires_in"] = (long)(token.ExpiresAt - token.IssuedAt).TotalSeconds,
            ["refresh_token"] = token.RefreshToken,
            ["scope"] = new JsonArray([.. token.Scopes.Select(s => (JsonNode)s)]),
            ["token_type"] = "bearer",
        });

    private static FakeTwitchAnswer AppToken(FakeTwitchToken token) =>
        FakeTwitchAnswer.Ok(new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["expires_in"] = (long)(token.ExpiresAt - token.IssuedAt).TotalSeconds,
            ["token_type"] = "bearer",
        });

    // https://dev.twitch.tv/docs/authentication/validate-tokens/ (the header scheme is "OAuth")
    private FakeTwitchAnswer Validate(RecordedTwitchRequest request)
    {
        var header = request.Header("Authorization") ?? "";
        if (!header.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            return FakeTwitchAnswer.OAuthError(401, "missing authorization token");
        }

        var now = time.GetUtcNow();
        if (!accessTokens.TryGetValue(header["OAuth ".Length..], out var state) || !state.IsValidAt(now))
        {
            return FakeTwitchAnswer.OAuthError(401, "invalid access token");
        }

        var token = state.Token;
        var body = new JsonObject
        {
            ["client_id"] = ClientId,
            ["scopes"] = token.IsAppToken ? null : new JsonArray([.. token.Scopes.Select(s => (JsonNode)s)]),
            ["expires_in"] = (long)(token.ExpiresAt - now).TotalSeconds,
        };
        if (!token.IsAppToken)
        {
            body["login"] = users.TryGetValue(token.UserId!, out var user) ? user.Login : "";
            body["user_id"] = token.UserId;
        }

        return FakeTwitchAnswer.Ok(body);
    }

    // https://dev.twitch.tv/docs/authentication/revoke-tokens/
    private FakeTwitchAnswer Revoke(RecordedTwitchRequest request)
    {
        if (CheckForm(request) is { } notForm)
        {
            return notForm;
        }

        if (request.Form.GetValueOrDefault("client_id") != ClientId)
        {
            return FakeTwitchAnswer.OAuthError(404, "client does not exist");
        }

        var token = request.Form.GetValueOrDefault("token") ?? "";
        if (!accessTokens.TryGetValue(token, out var state) || state.Dead)
        {
            return FakeTwitchAnswer.OAuthError(400, "Invalid token");
        }

        state.Dead = true;
        revokedTokens.Add(token);
        return FakeTwitchAnswer.Empty(200);
    }

    private static FakeTwitchAnswer? CheckForm(RecordedTwitchRequest request) =>
        request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal)
            == true
            ? null
            : FakeTwitchAnswer.OAuthError(400, "FakeTwitch: the body must be application/x-www-form-urlencoded");

    private static string StateParameter(string? state) =>
        state is null ? "" : "&state=" + Uri.EscapeDataString(state);

    private static string WithQuery(string uri, string query) =>
        uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
}
