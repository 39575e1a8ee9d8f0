namespace TwitchRelay.Fakes.Discord;

/// <summary>A parsed message route: channel messages or webhook messages, with the message id when one is named.
/// </summary>
internal sealed record FakeDiscordRoute(
    string MajorId,
    string? WebhookToken,
    string? MessageId,
    string Bucket,
    bool MethodAllowed)
{
    /// <summary>Set for guild, member and user routes; null for message routes.</summary>
    public FakeResourceRoute? Resource { get; init; }

    /// <summary>Set for application command and interaction routes.</summary>
    public FakeInteractionRoute? Interaction { get; init; }

    public static FakeDiscordRoute? Parse(string method, string path)
    {
        if (!path.StartsWith("/api/v10/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path["/api/v10/".Length..].Split('/');
        var bucket = $"fake-{method.ToLowerInvariant()}-{parts.Length}-{parts[0]}";
        if (FakeInteractionRoute.Parse(method, parts, bucket) is { } interaction)
        {
            return interaction;
        }

        return parts switch
        {
            ["channels", var channel, "messages"] => new(channel, null, null, bucket, method == "POST"),
            ["channels", var channel, "messages", var message] =>
                new(channel, null, message, bucket, method is "PATCH" or "DELETE"),
            ["webhooks", var webhook, var token] => new(webhook, token, null, bucket, method is "POST" or "GET"),
            ["webhooks", var webhook, var token, "messages", var message] =>
                new(webhook, token, message, bucket, method is "PATCH" or "DELETE"),
            _ => FakeResourceRoute.Parse(method, parts, bucket),
        };
    }
}
