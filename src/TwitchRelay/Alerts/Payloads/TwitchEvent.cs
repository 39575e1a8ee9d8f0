namespace TwitchRelay.Alerts.Payloads;

/// <summary>Marker for the typed <c>event</c> object of an EventSub notification.</summary>
public interface ITwitchEvent;

/// <summary>An event that happened in one broadcaster's channel. Every text and id may be null: Twitch adds and
/// nulls fields without a version bump (https://dev.twitch.tv/docs/eventsub/#subscription-types), so the parser
/// decides what is required, not the records.</summary>
public abstract record ChannelEvent : ITwitchEvent
{
    public string? BroadcasterUserId { get; init; }

    public string? BroadcasterUserLogin { get; init; }

    public string? BroadcasterUserName { get; init; }
}

/// <summary>A channel event about one user (follower, new moderator, subscriber…).</summary>
public abstract record UserChannelEvent : ChannelEvent
{
    public string? UserId { get; init; }

    public string? UserLogin { get; init; }

    public string? UserName { get; init; }
}

/// <summary>A channel event performed by a moderator on a user.</summary>
public abstract record ModeratedUserEvent : UserChannelEvent
{
    public string? ModeratorUserId { get; init; }

    public string? ModeratorUserLogin { get; init; }

    public string? ModeratorUserName { get; init; }
}
