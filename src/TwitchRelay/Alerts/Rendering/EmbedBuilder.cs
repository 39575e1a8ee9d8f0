using System.Globalization;

namespace TwitchRelay.Alerts;

/// <summary>Turns an <see cref="AlertView"/> into an embed that respects every Discord embed limit
/// (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).</summary>
internal static class EmbedBuilder
{
    // Field names and values are required and must not be blank.
    private const string Blank = "—";

    public static DiscordEmbed Build(AlertEvent alert, EventDefinition definition, AlertView view, string channelUrl)
    {
        var title = DiscordText.Truncate(view.Title, DiscordLimits.EmbedTitle);
        var author = DiscordText.Truncate(DiscordText.Escape(alert.BroadcasterName), DiscordLimits.AuthorName);
        var footer = DiscordText.Truncate($"Twitch · {definition.DisplayName}", DiscordLimits.FooterText);
        var fields = view.Fields
            .Take(DiscordLimits.EmbedFields)
            .Select(f => new DiscordEmbedField(
                NonBlank(DiscordText.Truncate(f.Name, DiscordLimits.FieldName)),
                NonBlank(DiscordText.Truncate(f.Value, DiscordLimits.FieldValue)),
                f.Inline))
            .ToList();
        var description = DiscordText.Truncate(view.Description, DiscordLimits.EmbedDescription);

        // The 6000 total: the description gives way first, then fields from the end.
        var fixedLength = title.Length + author.Length + footer.Length;
        var fieldsLength = fields.Sum(f => f.Name.Length + f.Value.Length);
        var room = DiscordLimits.EmbedTotal - fixedLength - fieldsLength;
        if (description.Length > room)
        {
            description = DiscordText.Truncate(description, Math.Max(0, room));
        }

        while (fields.Count > 0 && fixedLength + fieldsLength + description.Length > DiscordLimits.EmbedTotal)
        {
            var last = fields[^1];
            fields.RemoveAt(fields.Count - 1);
            fieldsLength -= last.Name.Length + last.Value.Length;
        }

        return new DiscordEmbed(
            title.Length == 0 ? null : title,
            description.Length == 0 ? null : description,
            channelUrl,
            definition.Category.Color(),
            alert.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            fields.Count == 0 ? null : fields,
            author.Length == 0 ? null : new DiscordEmbedAuthor(author, channelUrl, null),
            new DiscordEmbedFooter(footer),
            null);
    }

    private static string NonBlank(string text) => text.Length == 0 ? Blank : text;
}
