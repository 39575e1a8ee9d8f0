namespace TwitchRelay.Discord;

/// <summary>One REST call: the method, the route template (logged and used for rate-limit keys), the real path
/// (which may hold a webhook token, so it is never logged) and the major parameter Discord limits on.</summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorId, bool UsesBotToken)
{
    /// <summary>What the call does, in words an admin reads in a failure reason ("add role 1 to member 2");
    /// null for message calls, whose reasons name the channel or webhook.</summary>
    public string? Action { get; init; }

    /// <summary>Sent as X-Audit-Log-Reason, shown to the guild's admins in the audit log.
    /// https://discord.com/developers/docs/resources/audit-log</summary>
    public string? AuditLogReason { get; init; }

    /// <summary>False for interaction answers: Discord does not count them against the bot's 50 requests/s, and a
    /// slash command must be answered within 3 s even while an alert burst holds the global limit.
    /// https://discord.com/developers/docs/topics/rate-limits#global-rate-limit</summary>
    public bool CountsTowardGlobalLimit { get; init; } = true;

    public const string ChannelMessages = "/channels/{channel_id}/messages";
    public const string ChannelMessage = "/channels/{channel_id}/messages/{message_id}";
    public const string WebhookExecute = "/webhooks/{webhook_id}/{webhook_token}";
    public const string WebhookMessage = "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}";

    /// <summary>Key used before Discord has told us the bucket of this route.
    /// https://discord.com/developers/docs/topics/rate-limits#header-format</summary>
    public string RouteKey => $"{Method.Method} {Template} {MajorId}";

    public static DiscordRoute Create(DiscordTarget target) => target switch
    {
        ChannelTarget c => new(
            HttpMethod.Post,
            ChannelMessages,
            $"/channels/{c.ChannelId}/messages",
            c.ChannelId,
            true),

        // wait=true makes Discord answer with the saved message (and its id, needed for later edits); without it
        // Discord answers 204 even when the message was not saved.
        // with_components=true: a webhook an admin made (not owned by our application) drops link buttons without it.
        // https://discord.com/developers/docs/resources/webhook#execute-webhook
        WebhookTarget w => new(
            HttpMethod.Post,
            WebhookExecute,
            $"/webhooks/{w.WebhookId}/{w.WebhookToken}?wait=true&with_components=true",
            w.WebhookId,
            false),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    public static DiscordRoute ForMessage(HttpMethod method, DiscordTarget target, string messageId) => target switch
    {
        ChannelTarget c => new(
            method,
            ChannelMessage,
            $"/channels/{c.ChannelId}/messages/{messageId}",
            c.ChannelId,
            true),
        WebhookTarget w => new(
            method,
            WebhookMessage,
            method == HttpMethod.Patch
                ? $"/webhooks/{w.WebhookId}/{w.WebhookToken}/messages/{messageId}?with_components=true"
                : $"/webhooks/{w.WebhookId}/{w.WebhookToken}/messages/{messageId}",
            w.WebhookId,
            false),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };
}
