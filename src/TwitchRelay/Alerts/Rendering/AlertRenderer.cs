namespace TwitchRelay.Alerts;

/// <summary>Renders an alert as a Discord message for one rule.</summary>
public static class AlertRenderer
{
    /// <summary>Builds the message: role pings and a content line, one embed with the event's facts, and
    /// <c>allowed_mentions</c> naming exactly the rule's roles.</summary>
    /// <exception cref="ArgumentException">The event key is unknown, its payload is not the type the key needs,
    /// or a role id is not a Discord snowflake.</exception>
    public static DiscordMessage Render(AlertEvent alert, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(options);

        var definition = EventCatalog.Find(alert.EventKey)
            ?? throw new ArgumentException($"Unknown event key '{alert.EventKey}'.", nameof(alert));
        var roles = RoleIds(options.MentionRoleIds);
        var view = AlertFormatters.Format(alert);
        var channelUrl = Format.ChannelUrl(alert.BroadcasterLogin);
        view.Value("broadcaster", alert.BroadcasterName)
            .Value("broadcaster_login", alert.BroadcasterLogin)
            .Value("channel_url", channelUrl)
            .Value("event", definition.DisplayName);

        var line = options.Template is { } template ? TemplateEngine.Render(template, view.Values) : null;
        var embed = EmbedBuilder.Build(alert, definition, view, channelUrl);
        DiscordActionRow[]? components = view.Button is { } button ? [new DiscordActionRow(1, [button])] : null;
        return new DiscordMessage(
            Content(roles, line ?? view.Summary),
            [embed],
            new DiscordAllowedMentions([], roles),
            components);
    }

    private static string Content(IReadOnlyList<string> roles, string line)
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
    private static string[] RoleIds(IReadOnlyList<string>? ids)
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
