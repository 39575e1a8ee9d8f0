using System.Globalization;

namespace TwitchRelay.Alerts;

/// <summary>Small, culture-invariant formatting of numbers, tiers, durations and names for alert text.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Number(long value) => value.ToString("N0", Invariant);

    /// <summary>"58.8%": one decimal, so 57 of 97 votes is not shown as a flat 59%.</summary>
    public static string Percent(long part, long total) =>
        total <= 0 ? "0%" : (100.0 * part / total).ToString("0.#", Invariant) + "%";

    public static string Plural(long count, string singular, string plural) =>
        $"{Number(count)} {(count == 1 ? singular : plural)}";

    /// <summary>Tier text. EventSub sends 1000/2000/3000 and reports Prime as 1000, so Prime shows only when the
    /// payload says so (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-subscribe-event).</summary>
    public static string Tier(string? tier, bool? isPrime = null) =>
        isPrime == true || string.Equals(tier, "prime", StringComparison.OrdinalIgnoreCase)
            ? "Prime"
            : tier switch
            {
                "1000" => "Tier 1",
                "2000" => "Tier 2",
                "3000" => "Tier 3",
                null or "" => "Tier 1",
                _ => tier,
            };

    /// <summary>"10 minutes", "1 hour 30 minutes", "14 days": every non-zero unit, rounded to whole seconds.
    /// </summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(Math.Max(0, span.TotalSeconds));
        if (seconds == 0)
        {
            return "0 seconds";
        }

        (long Size, string One, string Many)[] units =
            [(86400, "day", "days"), (3600, "hour", "hours"), (60, "minute", "minutes"), (1, "second", "seconds")];
        var parts = new List<string>();
        foreach (var (size, one, many) in units)
        {
            var count = seconds / size;
            seconds %= size;
            if (count > 0)
            {
                parts.Add(Plural(count, one, many));
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>A Discord timestamp that each reader sees in their own time zone, e.g. "in 5 minutes"
    /// (https://discord.com/developers/docs/reference#message-formatting-timestamp-styles).</summary>
    public static string RelativeTime(DateTimeOffset time) => $"<t:{time.ToUnixTimeSeconds()}:R>";

    /// <summary>The escaped display name, else the login, else <paramref name="fallback"/>.</summary>
    public static string Name(string? displayName, string? login, string fallback = "Someone") =>
        DiscordText.Escape(RawName(displayName, login, fallback));

    public static string RawName(string? displayName, string? login, string fallback = "Someone") =>
        !string.IsNullOrWhiteSpace(displayName) ? displayName
        : !string.IsNullOrWhiteSpace(login) ? login
        : fallback;

    public static string ChannelUrl(string? login) =>
        "https://www.twitch.tv/" + Uri.EscapeDataString(login ?? string.Empty);
}
