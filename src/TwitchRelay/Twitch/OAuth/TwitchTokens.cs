namespace TwitchRelay.Twitch.OAuth;

/// <summary>An access token, with its refresh token (user tokens only), expiry and granted scopes. ToString names no
/// token: records print their members, and these must never reach a log.</summary>
public sealed record TwitchTokens(
    string AccessToken,
    string? RefreshToken,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Scopes)
{
    public override string ToString() =>
        $"TwitchTokens {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "none" : "***")}, "
        + $"ExpiresAt = {ExpiresAt:O}, Scopes = {string.Join(' ', Scopes)} }}";
}

/// <summary>The outcome of a call to Twitch's /oauth2/token endpoint.</summary>
public abstract record TwitchTokenResult
{
    private protected TwitchTokenResult()
    {
    }
}

/// <summary>Twitch issued tokens.</summary>
public sealed record TwitchTokenIssued(TwitchTokens Tokens) : TwitchTokenResult;

/// <summary>Twitch said no, with its status and message: 400 "Invalid refresh token" means the streamer must link
/// again; 403 "invalid client secret" is a configuration error. 5xx answers land here too (token calls are not
/// retried: a code is single-use and a refresh token rotates).</summary>
public sealed record TwitchTokenRefused(int Status, string Message) : TwitchTokenResult;

/// <summary>What /oauth2/validate says about a token. <see cref="Login"/> and <see cref="UserId"/> are null for an
/// app token. https://dev.twitch.tv/docs/authentication/validate-tokens/</summary>
public sealed record TwitchTokenValidation(
    string ClientId,
    string? Login,
    string? UserId,
    IReadOnlyList<string> Scopes,
    TimeSpan ExpiresIn);
