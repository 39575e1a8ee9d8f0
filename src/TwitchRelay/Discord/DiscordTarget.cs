namespace TwitchRelay.Discord;

/// <summary>Where a message goes: a channel the bot posts in, or a Discord webhook.</summary>
public abstract record DiscordTarget
{
    private protected DiscordTarget()
    {
    }

    /// <summary>The id Discord keys rate limits on (the "major parameter"): the channel or webhook id.</summary>
    public abstract string MajorId { get; }

    // Snowflakes go into URL paths, so anything but digits is refused before a request is built.
    // https://discord.com/developers/docs/reference#snowflakes
    private protected static string RequireSnowflake(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!Snowflake.IsValid(value))
        {
            throw new ArgumentException($"{paramName} must be a Discord snowflake (1-20 digits).", paramName);
        }

        return value;
    }
}

/// <summary>A channel the bot posts in with its bot token.</summary>
public sealed record ChannelTarget : DiscordTarget
{
    public ChannelTarget(string ChannelId)
    {
        this.ChannelId = RequireSnowflake(ChannelId, nameof(ChannelId));
    }

    public string ChannelId { get; }

    public override string MajorId => ChannelId;
}

/// <summary>A Discord webhook. The token is a secret: it is never printed, logged or put in a result.</summary>
public sealed record WebhookTarget : DiscordTarget
{
    public WebhookTarget(string WebhookId, string WebhookToken)
    {
        this.WebhookId = RequireSnowflake(WebhookId, nameof(WebhookId));
        this.WebhookToken = RequireToken(WebhookToken);
    }

    public string WebhookId { get; }

    public string WebhookToken { get; }

    public override string MajorId => WebhookId;

    public override string ToString() => $"WebhookTarget {{ WebhookId = {WebhookId} }}";

    // The token is a URL path segment; only the characters Discord issues are accepted, so it cannot
    // change the path or the host. https://discord.com/developers/docs/resources/webhook#execute-webhook
    private static string RequireToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token, nameof(WebhookToken));
        var ok = token.Length is > 0 and <= 200
            && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        return ok
            ? token
            : throw new ArgumentException(
                "WebhookToken must be 1-200 characters of [A-Za-z0-9_.-].",
                nameof(WebhookToken));
    }
}
