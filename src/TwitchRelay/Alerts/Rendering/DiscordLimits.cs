namespace TwitchRelay.Alerts;

/// <summary>Discord's message and embed limits, counted after trimming leading and trailing whitespace:
/// https://discord.com/developers/docs/resources/message#embed-object-embed-limits. We count UTF-16 code units,
/// which is never fewer than the characters Discord counts, so a text within our count is within theirs.</summary>
public static class DiscordLimits
{
    /// <summary>Content of a bot or webhook message (4000 is for Nitro users, not bots).</summary>
    public const int Content = 2000;

    public const int EmbedTitle = 256;

    public const int EmbedDescription = 4096;

    public const int EmbedFields = 25;

    public const int FieldName = 256;

    public const int FieldValue = 1024;

    public const int FooterText = 2048;

    public const int AuthorName = 256;

    /// <summary>Title, description, field names and values, footer text and author name of all embeds together.
    /// </summary>
    public const int EmbedTotal = 6000;

    /// <summary>Role ids in <c>allowed_mentions.roles</c>.</summary>
    public const int AllowedMentionRoles = 100;
}
