namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>stream.online</c> v1. Type is <c>live</c> (docs also list playlist, watch_party, premiere, rerun);
/// <see cref="Id"/> is the stream id.</summary>
public sealed record StreamOnlineEvent : ChannelEvent
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
}

/// <summary><c>stream.offline</c> v1: only the broadcaster.</summary>
public sealed record StreamOfflineEvent : ChannelEvent;

/// <summary><c>channel.update</c> v2 (content classification labels replaced v1's is_mature).</summary>
public sealed record ChannelUpdateEvent : ChannelEvent
{
    public string? Title { get; init; }

    public string? Language { get; init; }

    public string? CategoryId { get; init; }

    public string? CategoryName { get; init; }

    public IReadOnlyList<string?>? ContentClassificationLabels { get; init; }
}
