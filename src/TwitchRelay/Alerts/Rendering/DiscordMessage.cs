namespace TwitchRelay.Alerts;

/// <summary>The body of Discord's create-message and execute-webhook calls, as far as alerts use it
/// (https://discord.com/developers/docs/resources/message#create-message).</summary>
public sealed record DiscordMessage(
    string? Content,
    IReadOnlyList<DiscordEmbed>? Embeds,
    DiscordAllowedMentions AllowedMentions,
    IReadOnlyList<DiscordActionRow>? Components);

/// <summary>https://discord.com/developers/docs/resources/message#embed-object</summary>
public sealed record DiscordEmbed(
    string? Title,
    string? Description,
    string? Url,
    int? Color,
    string? Timestamp,
    IReadOnlyList<DiscordEmbedField>? Fields,
    DiscordEmbedAuthor? Author,
    DiscordEmbedFooter? Footer,
    DiscordEmbedThumbnail? Thumbnail,
    DiscordEmbedImage? Image = null);

public sealed record DiscordEmbedField(string Name, string Value, bool Inline);

public sealed record DiscordEmbedAuthor(string Name, string? Url, string? IconUrl);

public sealed record DiscordEmbedFooter(string Text);

public sealed record DiscordEmbedThumbnail(string Url);

/// <summary>The embed's large image (a stream preview). Discord caches images by URL, so a URL that must show a
/// fresh picture has to change (https://discord.com/developers/docs/resources/message#embed-object-embed-image-structure).
/// </summary>
public sealed record DiscordEmbedImage(string Url);

/// <summary>Who may be pinged. Alerts always send <c>parse: []</c> plus the rule's role ids, so nothing a Twitch
/// user typed can ping (https://discord.com/developers/docs/resources/message#allowed-mentions-object).</summary>
public sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<string> Roles);

/// <summary>An action row (component type 1) holding link buttons.</summary>
public sealed record DiscordActionRow(int Type, IReadOnlyList<DiscordLinkButton> Components);

/// <summary>A button (type 2) of style Link (5): opens <paramref name="Url"/>, sends no interaction
/// (https://discord.com/developers/docs/components/reference#button).</summary>
public sealed record DiscordLinkButton(int Type, int Style, string Label, string Url);
