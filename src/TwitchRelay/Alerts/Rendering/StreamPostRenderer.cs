using System.Globalization;

namespace TwitchRelay.Alerts;

/// <summary>What a go-live post shows: the stream as the relay knows it at the time of rendering. Title, category
/// and avatar may be unknown (Twitch's stream.online carries none of them and Helix may have failed).</summary>
public sealed record StreamPost
{
    public required string Login { get; init; }

    public required string DisplayName { get; init; }

    public string? Title { get; init; }

    public string? Category { get; init; }

    public string? AvatarUrl { get; init; }

    /// <summary>Twitch's stream id: it makes the preview's URL differ per stream.</summary>
    public string? StreamId { get; init; }

    /// <summary><c>live</c>, or playlist, watch_party, premiere, rerun.</summary>
    public string? StreamType { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? VodUrl { get; init; }
}

/// <summary>Renders the one message a stream gets: live (posted with the rule's pings, edited while the title or
/// game changes), ended (with the duration and the VOD link) and the separate offline notice.</summary>
public static class StreamPostRenderer
{
    private const string LiveKey = EventKeys.StreamOnline;

    /// <summary>The go-live post. With <paramref name="ping"/> false (a stream back within the grace, an edit) the
    /// role mentions stay in the text but <c>allowed_mentions</c> lets none of them ping.</summary>
    public static DiscordMessage Live(StreamPost post, RenderOptions options, bool ping)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(options);

        var roles = RolePings.Validate(options.MentionRoleIds);
        var name = DiscordText.Escape(post.DisplayName);
        var url = Format.ChannelUrl(post.Login);
        var type = string.IsNullOrEmpty(post.StreamType) ? "live" : post.StreamType;
        var kind = type == "live" ? "is live" : $"is live ({DiscordText.Escape(type)})";
        var values = Values(post, url);
        values["stream_type"] = type;
        var line = (options.Template is { } template ? TemplateEngine.Render(template, values) : null)
            ?? (string.IsNullOrWhiteSpace(post.Title)
                ? $"{name} {kind}! {url}"
                : $"{name} {kind}: {DiscordText.Escape(post.Title)} {url}");

        var fields = new List<DiscordEmbedField>();
        if (!string.IsNullOrWhiteSpace(post.Category))
        {
            fields.Add(Field("Playing", DiscordText.Escape(post.Category)));
        }

        fields.Add(Field("Started", Format.RelativeTime(post.StartedAt)));
        var title = string.IsNullOrWhiteSpace(post.Title) ? $"{name} {kind}!" : DiscordText.Escape(post.Title);
        var embed = Embed(post, title, null, fields, PreviewUrl(post.Login, post.StreamId, post.StartedAt), url);
        return new DiscordMessage(
            RolePings.Content(roles, line),
            [embed],
            new DiscordAllowedMentions([], ping ? roles : []),
            [new DiscordActionRow(1, [new DiscordLinkButton(2, 5, "Watch", url)])]);
    }

    /// <summary>The go-live post once the stream has ended: how long it ran, and the VOD when Twitch has it.
    /// Pings nobody.</summary>
    public static DiscordMessage Ended(StreamPost post)
    {
        ArgumentNullException.ThrowIfNull(post);

        var name = DiscordText.Escape(post.DisplayName);
        var url = Format.ChannelUrl(post.Login);
        var duration = Duration(post);
        var title = string.IsNullOrWhiteSpace(post.Title)
            ? $"{name} was live"
            : DiscordText.Escape(post.Title);
        var fields = new List<DiscordEmbedField>();
        if (!string.IsNullOrWhiteSpace(post.Category))
        {
            fields.Add(Field("Played", DiscordText.Escape(post.Category)));
        }

        fields.Add(Field("Streamed for", duration));
        fields.Add(Field("VOD", post.VodUrl is null ? "not available yet" : $"[Watch the VOD]({post.VodUrl})"));
        var description = post.EndedAt is { } ended ? $"Ended {Format.RelativeTime(ended)}" : null;
        var embed = Embed(post, title, description, fields, null, url);
        var button = post.VodUrl is null
            ? new DiscordLinkButton(2, 5, "Channel", url)
            : new DiscordLinkButton(2, 5, "Watch VOD", post.VodUrl);
        return new DiscordMessage(
            DiscordText.Truncate($"{name} was live for {duration}.", DiscordLimits.Content),
            [embed],
            new DiscordAllowedMentions([], []),
            [new DiscordActionRow(1, [button])]);
    }

    /// <summary>The separate "went offline" message of the <c>message</c> offline action. Pings nobody.</summary>
    public static DiscordMessage OfflineNotice(StreamPost post)
    {
        ArgumentNullException.ThrowIfNull(post);

        var ended = Ended(post);
        var name = DiscordText.Escape(post.DisplayName);
        return ended with
        {
            Content = DiscordText.Truncate(
                $"{name} went offline after {Duration(post)}. Thanks for watching!",
                DiscordLimits.Content),
        };
    }

    /// <summary>Twitch's live preview for a channel. The image behind this address changes all the time but
    /// Discord caches it by URL, so the stream id (or the start time) makes each stream's URL its own.</summary>
    public static string PreviewUrl(string login, string? streamId, DateTimeOffset startedAt)
    {
        var version = string.IsNullOrEmpty(streamId)
            ? startedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : Uri.EscapeDataString(streamId);
        return "https://static-cdn.jtvnw.net/previews-ttv/live_user_"
            + Uri.EscapeDataString(login.ToLowerInvariant()) + "-1280x720.jpg?stream=" + version;
    }

    private static string Duration(StreamPost post) =>
        post.EndedAt is { } ended ? Format.Duration(RoundToMinute(ended - post.StartedAt)) : "a while";

    // "2 hours 14 minutes" reads better than a count of seconds nobody asked for.
    private static TimeSpan RoundToMinute(TimeSpan span) =>
        span < TimeSpan.FromMinutes(1) ? span : TimeSpan.FromMinutes(Math.Round(span.TotalMinutes));

    private static Dictionary<string, string> Values(StreamPost post, string url) => new(StringComparer.Ordinal)
    {
        ["broadcaster"] = post.DisplayName,
        ["broadcaster_login"] = post.Login,
        ["channel_url"] = url,
        ["event"] = EventCatalog.Find(LiveKey)!.DisplayName,
        ["title"] = post.Title ?? "",
        ["category"] = post.Category ?? "",
    };

    private static DiscordEmbedField Field(string name, string value) =>
        new(name, DiscordText.Truncate(value, DiscordLimits.FieldValue), true);

    private static DiscordEmbed Embed(
        StreamPost post,
        string title,
        string? description,
        List<DiscordEmbedField> fields,
        string? imageUrl,
        string url)
    {
        var definition = EventCatalog.Find(LiveKey)!;
        var author = DiscordText.Truncate(DiscordText.Escape(post.DisplayName), DiscordLimits.AuthorName);
        return new DiscordEmbed(
            DiscordText.Truncate(title, DiscordLimits.EmbedTitle),
            description,
            url,
            definition.Category.Color(),
            post.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            fields,
            new DiscordEmbedAuthor(author, url, post.AvatarUrl),
            new DiscordEmbedFooter("Twitch · Stream"),
            post.AvatarUrl is null ? null : new DiscordEmbedThumbnail(post.AvatarUrl),
            imageUrl is null ? null : new DiscordEmbedImage(imageUrl));
    }
}
