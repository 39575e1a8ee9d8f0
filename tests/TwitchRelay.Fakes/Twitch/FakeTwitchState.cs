namespace TwitchRelay.Fakes.Twitch;

/// <summary>An access token's live state inside the fake.</summary>
internal sealed class FakeTwitchAccessState(FakeTwitchToken token)
{
    public FakeTwitchToken Token { get; } = token;

    /// <summary>Revoked (by /revoke or <see cref="FakeTwitch.RevokeAuthorization"/>) or expired by a control.
    /// </summary>
    public bool Dead { get; set; }

    public bool IsValidAt(DateTimeOffset now) => !Dead && Token.ExpiresAt > now;
}

/// <summary>A refresh token: single-use, dies with the user's authorization.</summary>
internal sealed class FakeTwitchRefreshState(string userId, IReadOnlyList<string> scopes)
{
    public string UserId { get; } = userId;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public bool Dead { get; set; }
}

/// <summary>An authorization code from /authorize: single-use, valid ten minutes, bound to its redirect URI.
/// https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow</summary>
internal sealed class FakeTwitchCodeState(
    string userId,
    IReadOnlyList<string> scopes,
    string redirectUri,
    DateTimeOffset expiresAt)
{
    public string UserId { get; } = userId;

    public IReadOnlyList<string> Scopes { get; } = scopes;

    public string RedirectUri { get; } = redirectUri;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Used { get; set; }
}

/// <summary>A Helix rate-limit bucket: points left until it refills at <see cref="ResetAt"/>.
/// https://dev.twitch.tv/docs/api/guide/#twitch-rate-limits</summary>
internal sealed class FakeTwitchBucket(int remaining, DateTimeOffset resetAt)
{
    public int Remaining { get; set; } = remaining;

    public DateTimeOffset ResetAt { get; } = resetAt;
}
