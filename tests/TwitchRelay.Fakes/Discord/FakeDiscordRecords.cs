namespace TwitchRelay.Fakes.Discord;

/// <summary>One request as the fake received it. <see cref="Status"/> is set once the fake has answered
/// (499 when the client gave up first, 0 while the request is still being handled).</summary>
public sealed class RecordedDiscordRequest
{
    private int status;

    public required string Method { get; init; }

    /// <summary>The path after the host, including the /api/v10 prefix; the query is separate.</summary>
    public required string Path { get; init; }

    /// <summary>The query string with its leading '?', or empty.</summary>
    public required string Query { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>When the request arrived, on the fake's TimeProvider.</summary>
    public required DateTimeOffset Time { get; init; }

    public int Status
    {
        get => Volatile.Read(ref status);
        internal set => Volatile.Write(ref status, value);
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A message as the fake stores it: the current content and embeds, how often it was edited, and whether
/// it was deleted.</summary>
public sealed record FakeDiscordMessage(
    string Id,
    string ChannelId,
    string? WebhookId,
    string? Content,
    string EmbedsJson,
    string? Nonce,
    int EditCount,
    bool Deleted,
    DateTimeOffset Timestamp,
    DateTimeOffset? EditedTimestamp);
