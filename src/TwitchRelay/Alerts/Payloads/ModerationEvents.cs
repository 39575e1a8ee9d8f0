namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.moderate</c> v2: <c>action</c> names what happened and the object of the same name is set
/// (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-moderate-event-data). Only the actions that
/// carry a user are modelled; the rest (slow, followers, raid, delete, automod_terms…) are skipped when read.
/// </summary>
public sealed record ChannelModerateEvent : ChannelEvent
{
    /// <summary>Set only when the action happened in another channel of a shared-chat session.</summary>
    public string? SourceBroadcasterUserId { get; init; }

    public string? SourceBroadcasterUserLogin { get; init; }

    public string? SourceBroadcasterUserName { get; init; }

    public string? ModeratorUserId { get; init; }

    public string? ModeratorUserLogin { get; init; }

    public string? ModeratorUserName { get; init; }

    public string? Action { get; init; }

    public ModerationTarget? Ban { get; init; }

    public ModerationTarget? Unban { get; init; }

    public ModerationTarget? Timeout { get; init; }

    public ModerationTarget? Untimeout { get; init; }

    public ModerationTarget? Warn { get; init; }

    public ModerationTarget? Mod { get; init; }

    public ModerationTarget? Unmod { get; init; }

    public ModerationTarget? Vip { get; init; }

    public ModerationTarget? Unvip { get; init; }

    public ModerationTarget? SharedChatBan { get; init; }

    public ModerationTarget? SharedChatUnban { get; init; }

    public ModerationTarget? SharedChatTimeout { get; init; }

    public ModerationTarget? SharedChatUntimeout { get; init; }
}

/// <summary>The user an action of <see cref="ChannelModerateEvent"/> applies to; reason, expiry and rules are set
/// only for the actions that have them.</summary>
public sealed record ModerationTarget
{
    public string? UserId { get; init; }

    public string? UserLogin { get; init; }

    public string? UserName { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public IReadOnlyList<string?>? ChatRulesCited { get; init; }
}

/// <summary><c>channel.ban</c> v1: a ban when <see cref="IsPermanent"/>, otherwise a timeout until
/// <see cref="EndsAt"/> (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-ban-event).</summary>
public sealed record ChannelBanEvent : ModeratedUserEvent
{
    public string? Reason { get; init; }

    public DateTimeOffset? BannedAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public bool IsPermanent { get; init; }
}

/// <summary><c>channel.unban</c> v1.</summary>
public sealed record ChannelUnbanEvent : ModeratedUserEvent;
