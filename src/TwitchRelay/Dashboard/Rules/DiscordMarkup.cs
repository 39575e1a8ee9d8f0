using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using TwitchRelay.Discord.Guilds;

namespace TwitchRelay.Dashboard.Rules;

/// <summary>Just enough of Discord's markdown for the preview: bold, italics, escaped characters, role mentions and
/// masked links' text. Everything is HTML-encoded first, so nothing a Twitch user typed becomes markup.
/// https://support.discord.com/hc/en-us/articles/210298617</summary>
public static partial class DiscordMarkup
{
    public static IHtmlContent ToHtml(string text, IReadOnlyList<DiscordRole>? roles)
    {
        var html = HtmlEncoder.Default.Encode(text);
        html = RoleMention().Replace(html, m =>
        {
            var name = roles?.FirstOrDefault(r => r.Id == m.Groups[1].Value)?.Name ?? m.Groups[1].Value;
            return $"<span class=\"discord-mention\">@{HtmlEncoder.Default.Encode(name)}</span>";
        });
        html = Bold().Replace(html, "<strong>$1</strong>");
        html = MaskedLink().Replace(html, "<span class=\"discord-link\">$1</span>");
        html = Escaped().Replace(html, "$1");
        return new HtmlString(html);
    }

    [GeneratedRegex(@"&lt;@&amp;(\d{1,20})&gt;")]
    private static partial Regex RoleMention();

    [GeneratedRegex(@"(?<!\\)\*\*(.+?)(?<!\\)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"\[([^\]]+)\]\((?:https?://[^)\s]+)\)")]
    private static partial Regex MaskedLink();

    [GeneratedRegex(@"\\([\\*_~`|>#\-\[\]()])")]
    private static partial Regex Escaped();
}
