using System.Text;
using System.Text.Encodings.Web;

namespace TwitchRelay.Twitch.Linking;

/// <summary>The plain pages the streamer sees at the end of a link. Every value is HTML-encoded.</summary>
internal static class LinkPages
{
    public static IResult Linked(Linked linked)
    {
        var body = new StringBuilder();
        var type = linked.BroadcasterType switch
        {
            "partner" => "partner",
            "affiliate" => "affiliate",
            _ => "regular",
        };
        body.Append($"<p>Linked <strong>{Encode(linked.DisplayName)}</strong> ({type} account) to guild ")
            .Append($"{Encode(linked.GuildId)}. You can close this page, or go back to ")
            .Append($"<a href=\"/guilds/{Encode(linked.GuildId)}\">the server's dashboard</a>.</p>");
        if (linked.MissingEventKeys.Count > 0)
        {
            body.Append("<p>These events cannot work with the permissions you granted; re-link and approve them all ")
                .Append("to enable them:</p><ul>");
            foreach (var key in linked.MissingEventKeys)
            {
                body.Append($"<li><code>{Encode(key)}</code></li>");
            }

            body.Append("</ul>");
        }

        foreach (var problem in linked.SubscriptionProblems)
        {
            body.Append($"<p>Twitch refused a subscription: {Encode(problem)}</p>");
        }

        return Page("Twitch account linked", body.ToString(), StatusCodes.Status200OK);
    }

    /// <summary>Plain HTML form: works without JavaScript.</summary>
    public static IResult Confirm(string guildId, string ticket) => Page(
        "Link a Twitch account",
        $"<p>This links a Twitch account to Discord server {Encode(guildId)}, so its channel events can be posted "
        + "there. Twitch will ask you to sign in and approve read-only permissions.</p>"
        + $"<form method=\"post\" action=\"{LinkEndpoints.LinkPath}\">"
        + $"<input type=\"hidden\" name=\"guild\" value=\"{Encode(guildId)}\">"
        + $"<input type=\"hidden\" name=\"ticket\" value=\"{Encode(ticket)}\">"
        + "<button type=\"submit\">Continue to Twitch</button></form>",
        StatusCodes.Status200OK);

    public static IResult Refused(LinkRefused refused) =>
        Page(refused.Title, $"<p>{Encode(refused.Explanation)}</p>", StatusCodes.Status400BadRequest);

    private static IResult Page(string title, string body, int status) => Results.Content(
        $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(title)}</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
        <h1>{Encode(title)}</h1>{body}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
