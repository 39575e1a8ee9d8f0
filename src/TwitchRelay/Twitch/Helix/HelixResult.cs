namespace TwitchRelay.Twitch.Helix;

/// <summary>The outcome of one Helix call. Nothing is swallowed: every answer ends up in one of these; only a
/// failure to reach Twitch at all throws (<see cref="HttpRequestException"/>).</summary>
public abstract record HelixResult<T>
{
    private protected HelixResult()
    {
    }
}

/// <summary>Twitch answered with what was asked for.</summary>
public sealed record HelixOk<T>(T Value) : HelixResult<T>;

/// <summary>Twitch answered 401: the token is expired, revoked or not for this client id. The caller refreshes the
/// token (or fetches a new app token) and retries once.</summary>
public sealed record HelixUnauthorized<T>(string Message) : HelixResult<T>;

/// <summary>Any other failure (400, 403, 404, 409, 429, 5xx after retries) with Twitch's message.</summary>
public sealed record HelixFailed<T>(int Status, string Message) : HelixResult<T>;
