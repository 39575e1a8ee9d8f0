using System.Globalization;
using System.Text;

namespace TwitchRelay.Alerts;

/// <summary>Makes Twitch-supplied text safe to show in Discord: markdown escaped, mentions defused, and cut to a
/// limit without splitting a character.</summary>
internal static class DiscordText
{
    public const string Ellipsis = "…";

    // Characters Discord's markdown gives meaning to (bold, italics, strike, code, spoiler, quote, headings, lists,
    // masked links, mentions); a backslash before any of them shows it literally:
    // https://support.discord.com/hc/en-us/articles/210298617
    private const string Specials = "\\*_~`|><#-[]()";

    // A zero-width space after '@' keeps "@everyone", "@here" and "<@123>" from being read as mentions at all;
    // allowed_mentions already stops the ping, this stops the highlight.
    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Specials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '@')
            {
                builder.Append(c).Append(ZeroWidthSpace);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Trims <paramref name="text"/> and, when it is longer than <paramref name="limit"/>, cuts it on a
    /// text-element (grapheme) boundary and ends it with an ellipsis. Never leaves a lone surrogate, a half emoji
    /// sequence, a base letter without its combining marks, or a dangling escape backslash.</summary>
    public static string Truncate(string? text, int limit)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= limit)
        {
            return trimmed;
        }

        if (limit < 1)
        {
            return string.Empty;
        }

        var budget = limit - Ellipsis.Length;
        var end = 0;
        while (end < trimmed.Length)
        {
            var next = StringInfo.GetNextTextElementLength(trimmed.AsSpan(end));
            if (end + next > budget)
            {
                break;
            }

            end += next;
        }

        var cut = DropDanglingEscape(trimmed[..end].TrimEnd());
        return cut + Ellipsis;
    }

    // An odd run of trailing backslashes ends in an escape whose character was cut off; it would escape the
    // ellipsis or whatever Discord puts next.
    private static string DropDanglingEscape(string text)
    {
        var backslashes = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1 ? text[..^1].TrimEnd() : text;
    }
}
