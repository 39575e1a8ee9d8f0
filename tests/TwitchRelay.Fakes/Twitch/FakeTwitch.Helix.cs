using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Helix: authentication (Bearer token and a matching Client-Id), rate limits, Get Users.
/// https://dev.twitch.tv/docs/api/guide/</summary>
public sealed partial class FakeTwitch
{
    private static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, FakeTwitchBucket> buckets = new(StringComparer.Ordinal);
    private DateTimeOffset drainedUntil = DateTimeOffset.MinValue;

    /// <summary>Points per bucket and minute: Twitch gives 800 per client id (app tokens) and per client id and
    /// user (user tokens). https://dev.twitch.tv/docs/api/guide/#twitch-rate-limits</summary>
    public int RateLimitPoints { get; set; } = 800;

    /// <summary>Every Helix bucket is empty until <paramref name="resetIn"/> has passed (rounded up to a whole
    /// second, as Ratelimit-Reset is in seconds): calls answer 429 with Ratelimit-Remaining 0.</summary>
    public void ExhaustRateLimit(TimeSpan resetIn) =>
        Change(() => drainedUntil = CeilingSecond(time.GetUtcNow() + resetIn));

    private FakeTwitchAnswer Helix(RecordedTwitchRequest request)
    {
        var authorization = request.Header("Authorization") ?? "";
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return FakeTwitchAnswer.HelixError(401, "OAuth token is missing");
        }

        if (string.IsNullOrEmpty(request.Header("Client-Id")))
        {
            return FakeTwitchAnswer.HelixError(401, "Client ID is missing");
        }

        if (!accessTokens.TryGetValue(authorization["Bearer ".Length..], out var state)
            || !state.IsValidAt(time.GetUtcNow()))
        {
            return FakeTwitchAnswer.HelixError(401, "Invalid OAuth token");
        }

        if (request.Header("Client-Id") != ClientId)
        {
            return FakeTwitchAnswer.HelixError(401, "Client ID and OAuth token do not match");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var token = state.Token;
        if (TakePoint(token, headers) is { } limited)
        {
            return limited.WithHeaders(headers);
        }

        var answer = (request.Method, request.Path.TrimEnd('/')) switch
        {
            ("GET", "/helix/users") => GetUsers(request, token),
            ("GET", "/helix/channels") => GetChannels(request),
            ("GET", "/helix/streams") => GetStreams(request),
            ("GET", "/helix/videos") => GetVideos(request),
            ("GET", "/helix/subscriptions") => GetBroadcasterSubscriptions(request, token),
            ("GET", "/helix/eventsub/subscriptions") => ListSubscriptions(request, token),
            ("POST", "/helix/eventsub/subscriptions") => CreateSubscription(request, token),
            ("DELETE", "/helix/eventsub/subscriptions") => DeleteSubscription(request, token),
            _ => FakeTwitchAnswer.HelixError(404, "Not Found"),
        };
        return answer.WithHeaders(headers);
    }

    private FakeTwitchAnswer? TakePoint(FakeTwitchToken token, Dictionary<string, string> headers)
    {
        var now = time.GetUtcNow();
        var key = token.IsAppToken ? "app" : "user:" + token.UserId;
        if (!buckets.TryGetValue(key, out var bucket) || bucket.ResetAt <= now)
        {
            buckets[key] = bucket = new FakeTwitchBucket(RateLimitPoints, CeilingSecond(now + RateLimitWindow));
        }

        var drained = drainedUntil > now;
        var reset = drained ? drainedUntil : bucket.ResetAt;
        headers["Ratelimit-Limit"] = RateLimitPoints.ToString(CultureInfo.InvariantCulture);
        headers["Ratelimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (drained || bucket.Remaining <= 0)
        {
            headers["Ratelimit-Remaining"] = "0";
            return FakeTwitchAnswer.HelixError(429, "Too Many Requests");
        }

        bucket.Remaining--;
        headers["Ratelimit-Remaining"] = bucket.Remaining.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    // https://dev.twitch.tv/docs/api/reference/#get-users
    private FakeTwitchAnswer GetUsers(RecordedTwitchRequest request, FakeTwitchToken token)
    {
        var query = QueryOf(request);
        var ids = query.GetValueOrDefault("id").Where(v => !string.IsNullOrEmpty(v)).ToList();
        var logins = query.GetValueOrDefault("login").Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (ids.Count + logins.Count > 100)
        {
            return FakeTwitchAnswer.HelixError(400, "The number of id and login parameters must not exceed 100");
        }

        IEnumerable<FakeTwitchUser> found;
        if (ids.Count + logins.Count > 0)
        {
            found = users.Values.Where(u =>
                ids.Contains(u.Id) || logins.Contains(u.Login, StringComparer.OrdinalIgnoreCase));
        }
        else if (token.UserId is { } userId)
        {
            found = users.TryGetValue(userId, out var self) ? [self] : [];
        }
        else
        {
            return FakeTwitchAnswer.HelixError(400, "Must provide an ID, Login or OAuth Token");
        }

        return FakeTwitchAnswer.Ok(new JsonObject
        {
            ["data"] = new JsonArray([.. found.Select(UserJson)]),
        });
    }

    private static JsonObject UserJson(FakeTwitchUser user) => new()
    {
        ["id"] = user.Id,
        ["login"] = user.Login,
        ["display_name"] = user.DisplayName,
        ["type"] = "",
        ["broadcaster_type"] = user.BroadcasterType,
        ["description"] = "",
        ["profile_image_url"] = user.ProfileImageUrl,
        ["offline_image_url"] = "",
        ["view_count"] = 0,
        ["created_at"] = "2020-01-01T00:00:00Z",
    };

    private static DateTimeOffset CeilingSecond(DateTimeOffset value)
    {
        var seconds = value.ToUnixTimeSeconds();
        var whole = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return whole < value ? whole.AddSeconds(1) : whole;
    }
}
