namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.hype_train.begin</c>, <c>.progress</c> and <c>.end</c> v2 (v1 was withdrawn on 2026-01-15,
/// https://dev.twitch.tv/docs/eventsub/eventsub-reference/#hype-train-events). Progress, goal and expiry are absent
/// on end; ended_at and cooldown_ends_at are set on end only.</summary>
public sealed record ChannelHypeTrainEvent : ChannelEvent
{
    public string? Id { get; init; }

    /// <summary><c>regular</c>, <c>golden_kappa</c> or <c>treasure</c>.</summary>
    public string? Type { get; init; }

    public int Level { get; init; }

    public long Total { get; init; }

    public long? Progress { get; init; }

    public long? Goal { get; init; }

    public IReadOnlyList<HypeTrainContribution>? TopContributions { get; init; }

    public int? AllTimeHighLevel { get; init; }

    public long? AllTimeHighTotal { get; init; }

    public bool IsSharedTrain { get; init; }

    /// <summary>Null unless <see cref="IsSharedTrain"/>.</summary>
    public IReadOnlyList<SharedTrainParticipant>? SharedTrainParticipants { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public DateTimeOffset? CooldownEndsAt { get; init; }
}

public sealed record HypeTrainContribution
{
    public string? UserId { get; init; }

    public string? UserLogin { get; init; }

    public string? UserName { get; init; }

    /// <summary><c>bits</c>, <c>subscription</c> or <c>other</c>.</summary>
    public string? Type { get; init; }

    public long Total { get; init; }
}

public sealed record SharedTrainParticipant
{
    public string? BroadcasterUserId { get; init; }

    public string? BroadcasterUserLogin { get; init; }

    public string? BroadcasterUserName { get; init; }
}
