using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Fixed windows per (bucket, major id) and one global window, answering with Discord's headers and 429
/// bodies. https://discord.com/developers/docs/topics/rate-limits</summary>
internal sealed class FakeDiscordRateLimits(FakeDiscordOptions options)
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Limit, TimeSpan Window)> overrides = new(StringComparer.Ordinal);
    private Window global = new(DateTimeOffset.MinValue, 0);

    public void SetLimit(string majorId, int limit, TimeSpan window)
    {
        lock (gate)
        {
            overrides[majorId] = (limit, window);
        }
    }

    /// <summary>Takes one request from the global and the bucket window. Returns a 429 when either is used up,
    /// else null; <paramref name="headers"/> get the X-RateLimit-* values to send with the answer.</summary>
    public FakeDiscordAnswer? TryTake(
        string bucket,
        string majorId,
        DateTimeOffset now,
        Dictionary<string, string> headers)
    {
        lock (gate)
        {
            if (now >= global.Start + GlobalWindow)
            {
                global = new Window(now, 0);
            }

            if (global.Count >= options.GlobalLimit)
            {
                return TooMany(global.Start + GlobalWindow - now, isGlobal: true, bucket, headers);
            }

            var (limit, length) = overrides.TryGetValue(majorId, out var custom)
                ? custom
                : (options.BucketLimit, options.BucketWindow);
            var key = $"{bucket} {majorId}";
            if (!windows.TryGetValue(key, out var window) || now >= window.Start + length)
            {
                window = new Window(now, 0);
            }

            var resetAt = window.Start + length;
            headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = Seconds(resetAt.ToUnixTimeMilliseconds() / 1000.0);
            headers["X-RateLimit-Reset-After"] = Seconds((resetAt - now).TotalSeconds);
            headers["X-RateLimit-Bucket"] = bucket;
            if (window.Count >= limit)
            {
                headers["X-RateLimit-Remaining"] = "0";
                windows[key] = window;
                return TooMany(resetAt - now, isGlobal: false, bucket, headers);
            }

            window = window with { Count = window.Count + 1 };
            windows[key] = window;
            global = global with { Count = global.Count + 1 };
            headers["X-RateLimit-Remaining"] = (limit - window.Count).ToString(CultureInfo.InvariantCulture);
            return null;
        }
    }

    /// <summary>A 429 as Discord sends it: body with retry_after in float seconds, Retry-After in whole seconds.
    /// </summary>
    public static FakeDiscordAnswer TooMany(
        TimeSpan retryAfter,
        bool isGlobal,
        string bucket,
        Dictionary<string, string> headers)
    {
        var body = new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(retryAfter.TotalSeconds, 3),
            ["global"] = isGlobal,
        };
        var answer = new FakeDiscordAnswer(429, body.ToJsonString()).WithHeaders(headers);
        answer.Headers["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        answer.Headers["X-RateLimit-Scope"] = isGlobal ? "global" : "user";
        answer.Headers["X-RateLimit-Bucket"] = bucket;
        if (isGlobal)
        {
            answer.Headers["X-RateLimit-Global"] = "true";
        }

        return answer;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private readonly record struct Window(DateTimeOffset Start, int Count);
}
