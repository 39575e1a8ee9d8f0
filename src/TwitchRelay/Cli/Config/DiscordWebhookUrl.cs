using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace TwitchRelay.Cli.Config;

/// <summary>A Discord webhook URL, taken apart. Only Discord's own hosts are accepted, and only the id and token
/// are kept: requests go to <c>Discord:ApiBaseUrl</c>, never to a host a user typed.
/// https://discord.com/developers/docs/resources/webhook#execute-webhook</summary>
public static partial class DiscordWebhookUrl
{
    public static bool TryParse(string? url, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? token)
    {
        id = null;
        token = null;
        if (url is null)
        {
            return false;
        }

        var match = Pattern().Match(url.Trim());
        if (!match.Success)
        {
            return false;
        }

        id = match.Groups["id"].Value;
        token = match.Groups["token"].Value;
        return true;
    }

    public static string Format(string id, string token) => $"https://discord.com/api/webhooks/{id}/{token}";

    [GeneratedRegex(
        @"^https://(?i:(?:(?:canary|ptb)\.)?discord(?:app)?\.com)/api/(?:v\d{1,2}/)?webhooks/"
        + @"(?<id>\d{17,20})/(?<token>[A-Za-z0-9_\-]{1,200})/?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
