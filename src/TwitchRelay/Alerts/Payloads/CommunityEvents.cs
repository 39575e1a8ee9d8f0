namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.follow</c> v2.</summary>
public sealed record ChannelFollowEvent : UserChannelEvent
{
    public DateTimeOffset? FollowedAt { get; init; }
}

/// <summary><c>channel.raid</c> v1. The broadcaster of the alert is the raided channel (<c>to_*</c>).</summary>
public sealed record ChannelRaidEvent : ITwitchEvent
{
    public string? FromBroadcasterUserId { get; init; }

    public string? FromBroadcasterUserLogin { get; init; }

    public string? FromBroadcasterUserName { get; init; }

    public string? ToBroadcasterUserId { get; init; }

    public string? ToBroadcasterUserLogin { get; init; }

    public string? ToBroadcasterUserName { get; init; }

    public int Viewers { get; init; }
}

/// <summary><c>channel.moderator.add</c> and <c>channel.moderator.remove</c> v1 (same shape).</summary>
public sealed record ChannelModeratorEvent : UserChannelEvent;

/// <summary><c>channel.vip.add</c> and <c>channel.vip.remove</c> v1 (same shape).</summary>
public sealed record ChannelVipEvent : UserChannelEvent;

/// <summary><c>channel.warning.send</c> v1.</summary>
public sealed record ChannelWarningSendEvent : ModeratedUserEvent
{
    public string? Reason { get; init; }

    public IReadOnlyList<string?>? ChatRulesCited { get; init; }
}

/// <summary><c>channel.warning.acknowledge</c> v1.</summary>
public sealed record ChannelWarningAcknowledgeEvent : UserChannelEvent;
