namespace TwitchRelay.Fakes.Twitch;

/// <summary>One request as the fake received it. <see cref="Status"/> is set once the fake has answered.</summary>
public sealed class RecordedTwitchRequest
{
    private int status;

    public required string Method { get; init; }

    /// <summary>The path, including the /oauth2 or /helix prefix; the query is separate.</summary>
    public required string Path { get; init; }

    /// <summary>The query string with its leading '?', or empty.</summary>
    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>The form fields when the body was application/x-www-form-urlencoded; empty otherwise.</summary>
    public required IReadOnlyDictionary<string, string> Form { get; init; }

    /// <summary>When the request arrived, on the fake's TimeProvider.</summary>
    public required DateTimeOffset Time { get; init; }

    public int Status
    {
        get => Volatile.Read(ref status);
        internal set => Volatile.Write(ref status, value);
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A Twitch account the fake knows.</summary>
public sealed record FakeTwitchUser(
    string Id,
    string Login,
    string DisplayName,
    string BroadcasterType,
    string ProfileImageUrl);

/// <summary>An access token the fake issued: a user token (with a refresh token) or an app token
/// (<see cref="UserId"/> null).</summary>
public sealed record FakeTwitchToken(
    string AccessToken,
    string? RefreshToken,
    string? UserId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    public bool IsAppToken => UserId is null;
}

/// <summary>One visit to /oauth2/authorize and how the fake answered it.</summary>
public sealed record FakeTwitchAuthorizeRequest(
    string? ClientId,
    string? RedirectUri,
    IReadOnlyList<string> Scopes,
    string? State,
    bool ForceVerify,
    string Outcome);

/// <summary>An EventSub subscription as the fake keeps it. <see cref="OwnerUserId"/> is the user whose token created
/// a WebSocket subscription (null for webhooks). The secret is kept so a test can sign notifications with it.
/// </summary>
public sealed record FakeTwitchSubscription(
    string Id,
    string Status,
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Condition,
    string TransportMethod,
    string? Callback,
    string? Secret,
    string? SessionId,
    string? OwnerUserId,
    int Cost,
    DateTimeOffset CreatedAt)
{
    /// <summary>Statuses that count towards total_cost and block a duplicate.</summary>
    public bool IsActive => Status is "enabled" or "webhook_callback_verification_pending";

    public override string ToString() =>
        $"FakeTwitchSubscription {{ Id = {Id}, Status = {Status}, Type = {Type} v{Version}, "
        + $"Transport = {TransportMethod} }}";
}
