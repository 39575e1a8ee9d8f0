using System.Globalization;

namespace TwitchRelay.Twitch.Helix;

/// <summary>Helix's rate-limit headers: points left in the bucket, and when it refills (Unix seconds).
/// https://dev.twitch.tv/docs/api/guide/#twitch-rate-limits</summary>
internal readonly record struct HelixRateLimit(int? Remaining, DateTimeOffset? Reset)
{
    public static HelixRateLimit Read(HttpResponseMessage response) =>
        new(ReadInt(response, "Ratelimit-Remaining"), ReadReset(response));

    /// <summary>A 429 means "the bucket is empty" only when the bucket says so. Create EventSub Subscription also
    /// answers 429 when the subscriptions' cost would pass max_total_cost, with points left: waiting cannot help.
    /// https://dev.twitch.tv/docs/api/reference/#create-eventsub-subscription</summary>
    public bool IsExhausted => Remaining is null or 0;

    private static DateTimeOffset? ReadReset(HttpResponseMessage response) =>
        ReadLong(response, "Ratelimit-Reset") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static int? ReadInt(HttpResponseMessage response, string name) =>
        ReadLong(response, name) is { } value and >= 0 and <= int.MaxValue ? (int)value : null;

    private static long? ReadLong(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
