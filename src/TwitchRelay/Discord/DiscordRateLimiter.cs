using System.Globalization;
using Microsoft.Extensions.Logging;

namespace TwitchRelay.Discord;

/// <summary>Keeps Discord's per-route buckets and the global limit, so calls wait before sending instead of
/// collecting 429s. Queues are keyed by (bucket, major id); before the first answer of a route, by
/// (method, route template, major id). https://discord.com/developers/docs/topics/rate-limits</summary>
internal sealed partial class DiscordRateLimiter(
    TimeProvider time,
    DiscordRestTuning tuning,
    ILogger<DiscordRateLimiter> logger)
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, string> bucketByRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> buckets = new(StringComparer.Ordinal);
    private DateTimeOffset globalPausedUntil;
    private DateTimeOffset globalWindowStart;
    private int globalWindowCount;

    /// <summary>Waits until both the route's bucket and the global limit allow one more request, and takes it.
    /// </summary>
    public async Task AcquireAsync(DiscordRoute route, CancellationToken ct)
    {
        while (true)
        {
            var wait = TryTake(route, out var key);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            LogWaiting(logger, key, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>Reads the X-RateLimit-* headers of any answer.
    /// https://discord.com/developers/docs/topics/rate-limits#header-format</summary>
    public void Update(DiscordRoute route, HttpResponseMessage response)
    {
        var bucket = Header(response, "X-RateLimit-Bucket");
        var limit = ParseInt(Header(response, "X-RateLimit-Limit"));
        var remaining = ParseInt(Header(response, "X-RateLimit-Remaining"));
        var resetAfter = ParseSeconds(Header(response, "X-RateLimit-Reset-After"));
        lock (gate)
        {
            if (remaining is null || resetAfter is null)
            {
                // An answer without limits (a proxy's 5xx, say): nothing to wait for on this route for now.
                GetState(route, out _).Known = true;
                return;
            }

            if (bucket is not null)
            {
                bucketByRoute[route.RouteKey] = bucket;
            }

            var state = GetState(route, out _);
            var resetAt = time.GetUtcNow() + resetAfter.Value;

            // Answers of requests sent in the same window may arrive out of order: keep the lower count then.
            var sameWindow = state.ResetAt is { } known && (resetAt - known).Duration() < TimeSpan.FromSeconds(1);
            state.Remaining = sameWindow && state.Remaining is { } local ? Math.Min(local, remaining.Value) : remaining;
            state.Limit = limit ?? state.Limit;
            state.ResetAt = resetAt;
            state.Known = true;
        }
    }

    /// <summary>After a non-global 429, nothing more goes to that bucket until retry_after has passed.</summary>
    public void PauseBucket(DiscordRoute route, TimeSpan retryAfter)
    {
        lock (gate)
        {
            var state = GetState(route, out _);
            state.Remaining = 0;
            state.ResetAt = time.GetUtcNow() + retryAfter;
            state.Known = true;
        }
    }

    /// <summary>A global 429 stops every call of the bot until retry_after has passed.</summary>
    public void PauseGlobal(TimeSpan retryAfter)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > globalPausedUntil)
            {
                globalPausedUntil = until;
            }
        }
    }

    private TimeSpan TryTake(DiscordRoute route, out string key)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            var state = GetState(route, out key);
            var global = route.CountsTowardGlobalLimit;
            if (global && now < globalPausedUntil)
            {
                return globalPausedUntil - now;
            }

            var bucketWait = BucketWait(state, now);
            if (bucketWait > TimeSpan.Zero)
            {
                return bucketWait;
            }

            if (global && now >= globalWindowStart + GlobalWindow)
            {
                globalWindowStart = now;
                globalWindowCount = 0;
            }

            if (global && globalWindowCount >= tuning.GlobalRequestsPerSecond)
            {
                return globalWindowStart + GlobalWindow - now;
            }

            if (global)
            {
                globalWindowCount++;
            }

            if (state.Known)
            {
                state.Remaining--;
            }
            else
            {
                state.ProbeUntil = now + tuning.ProbeTimeout;
            }

            return TimeSpan.Zero;
        }
    }

    private TimeSpan BucketWait(BucketState state, DateTimeOffset now)
    {
        if (!state.Known)
        {
            // Until the first answer tells the limit, one request probes the route and the others wait for it.
            return state.ProbeUntil is { } probe && now < probe
                ? Min(probe - now, tuning.UnknownResetPoll)
                : TimeSpan.Zero;
        }

        if (state.ResetAt is { } resetAt && now >= resetAt)
        {
            // A new window: the full limit again; its reset time comes with the next answer.
            state.Remaining = state.Limit;
            state.ResetAt = null;
        }

        if (state.Remaining is <= 0)
        {
            return state.ResetAt is { } until ? until - now : tuning.UnknownResetPoll;
        }

        return TimeSpan.Zero;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private BucketState GetState(DiscordRoute route, out string key)
    {
        key = bucketByRoute.TryGetValue(route.RouteKey, out var bucket) ? $"{bucket} {route.MajorId}" : route.RouteKey;
        if (!buckets.TryGetValue(key, out var state))
        {
            state = new BucketState();
            buckets[key] = state;
        }

        return state;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? ParseSeconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    [LoggerMessage(
        EventId = 2100,
        Level = LogLevel.Debug,
        Message = "Waiting {WaitMs} ms for Discord rate limit {Key}")]
    private static partial void LogWaiting(ILogger logger, string key, long waitMs);

    private sealed class BucketState
    {
        public int? Limit { get; set; }

        public int? Remaining { get; set; }

        public DateTimeOffset? ResetAt { get; set; }

        /// <summary>False until an answer on this key was seen.</summary>
        public bool Known { get; set; }

        /// <summary>While the first request of an unknown route is out, others wait until this time at most.</summary>
        public DateTimeOffset? ProbeUntil { get; set; }
    }
}
