namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.poll.begin</c>, <c>.progress</c> and <c>.end</c> v1. Votes are absent on begin;
/// <see cref="Status"/> and <see cref="EndedAt"/> are set on end only
/// (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-poll-end-event).</summary>
public sealed record ChannelPollEvent : ChannelEvent
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<PollChoice>? Choices { get; init; }

    public PollVoting? BitsVoting { get; init; }

    public PollVoting? ChannelPointsVoting { get; init; }

    /// <summary><c>completed</c>, <c>terminated</c> or <c>archived</c> on end.</summary>
    public string? Status { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}

public sealed record PollChoice
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public int BitsVotes { get; init; }

    public int ChannelPointsVotes { get; init; }

    /// <summary>All votes, including the ones paid with Bits or channel points.</summary>
    public int Votes { get; init; }
}

public sealed record PollVoting
{
    public bool IsEnabled { get; init; }

    public int AmountPerVote { get; init; }
}
