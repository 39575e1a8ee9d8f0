namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.prediction.begin</c>, <c>.progress</c>, <c>.lock</c> and <c>.end</c> v1. On end,
/// <see cref="Status"/> is <c>resolved</c> or <c>canceled</c>; a canceled prediction has no winning outcome
/// (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-prediction-end-event).</summary>
public sealed record ChannelPredictionEvent : ChannelEvent
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? WinningOutcomeId { get; init; }

    public IReadOnlyList<PredictionOutcome>? Outcomes { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? LocksAt { get; init; }

    public DateTimeOffset? LockedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}

public sealed record PredictionOutcome
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    /// <summary><c>blue</c> or <c>pink</c>.</summary>
    public string? Color { get; init; }

    public int Users { get; init; }

    public long ChannelPoints { get; init; }

    public IReadOnlyList<TopPredictor>? TopPredictors { get; init; }
}

public sealed record TopPredictor
{
    public string? UserId { get; init; }

    public string? UserLogin { get; init; }

    public string? UserName { get; init; }

    /// <summary>Null until the prediction is resolved.</summary>
    public long? ChannelPointsWon { get; init; }

    public long ChannelPointsUsed { get; init; }
}
