namespace TwitchRelay.Alerts;

/// <summary>The role pings every alert and stream post starts with: only the rule's roles, each a snowflake, at most
/// as many as Discord's allowed_mentions takes, and the line after them cut so the whole fits in content.
/// https://discord.com/developers/docs/resources/message#allowed-mentions-object</summary>
internal static class RolePings
{
    public static string Content(IReadOnlyList<string> roles, string line)
    {
        var pings = string.Join(' ', roles.Select(id => $"<@&{id}>"));
        if (pings.Length == 0)
        {
            return DiscordText.Truncate(line, DiscordLimits.Content);
        }

        var rest = DiscordText.Truncate(line, DiscordLimits.Content - pings.Length - 1);
        return rest.Length == 0 ? pings : $"{pings} {rest}";
    }

    // Ids go into content as <@&id>; anything but a snowflake there would be markup we did not mean to send.
    public static string[] Validate(IReadOnlyList<string>? ids)
    {
        var distinct = (ids ?? []).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in distinct)
        {
            if (id.Length is 0 or > 20 || !id.All(char.IsAsciiDigit))
            {
                throw new ArgumentException($"'{id}' is not a Discord role id.", nameof(ids));
            }
        }

        if (distinct.Length > DiscordLimits.AllowedMentionRoles)
        {
            throw new ArgumentException(
                $"Discord accepts at most {DiscordLimits.AllowedMentionRoles} role mentions per message.",
                nameof(ids));
        }

        return distinct;
    }
}
