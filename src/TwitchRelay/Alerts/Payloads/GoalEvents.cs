namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.goal.begin</c>, <c>.progress</c> and <c>.end</c> v1. Type is one of follow, subscription,
/// subscription_count, new_subscription, new_subscription_count, new_bit, new_cheerer
/// (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#goals-event).</summary>
public sealed record ChannelGoalEvent : ChannelEvent
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Description { get; init; }

    /// <summary>Set on end only.</summary>
    public bool? IsAchieved { get; init; }

    public int CurrentAmount { get; init; }

    public int TargetAmount { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
