using System.Globalization;
using System.Text.Json;

namespace TwitchRelay.Discord;

/// <summary>What a 429 says: how long to wait and whether the whole bot is limited.
/// https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit</summary>
internal sealed record DiscordRateLimitAnswer(TimeSpan RetryAfter, bool Global, string? Scope)
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(1);

    /// <summary>429s with scope "shared" (a resource's limit, not ours) do not count toward the invalid-request ban.
    /// </summary>
    public bool IsSharedScope => string.Equals(Scope, "shared", StringComparison.OrdinalIgnoreCase);

    public static async Task<DiscordRateLimitAnswer> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var scope = Header(response, "X-RateLimit-Scope");
        var globalHeader = string.Equals(
            Header(response, "X-RateLimit-Global"),
            "true",
            StringComparison.OrdinalIgnoreCase);

        // The body's retry_after has decimals; the Retry-After header is whole seconds. A Cloudflare block answers
        // with HTML, so the header is the fallback.
        var body = TryParse(await response.Content.ReadAsStringAsync(ct));
        var retryAfter = body?.RetryAfter is { } seconds && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : HeaderSeconds(response) ?? Fallback;
        var global = body?.Global == true || globalHeader || string.Equals(scope, "global", StringComparison.Ordinal);
        return new DiscordRateLimitAnswer(retryAfter, global, scope);
    }

    private static DiscordRateLimitBody? TryParse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordRateLimitBody);
        }
        catch (JsonException)
        {
            // Not JSON (for instance Cloudflare's HTML page): the headers decide.
            return null;
        }
    }

    private static TimeSpan? HeaderSeconds(HttpResponseMessage response) =>
        double.TryParse(
            Header(response, "Retry-After"),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
