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
        var roles = RolePings.Validate(options.MentionRoleIds);
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
            RolePings.Content(roles, line ?? view.Summary),
            [embed],
            new DiscordAllowedMentions([], roles),
            components);
    }
}
