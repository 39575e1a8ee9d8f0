namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>user.authorization.grant</c> and <c>.revoke</c> v1. On revoke, login and name may be null when the
/// account was deleted (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#user-authorization-revoke-event).
/// Parsed for the link lifecycle; no alert.</summary>
public sealed record UserAuthorizationEvent : ITwitchEvent
{
    public string? ClientId { get; init; }

    public string? UserId { get; init; }

    public string? UserLogin { get; init; }

    public string? UserName { get; init; }
}

/// <summary><c>user.update</c> v1. Email is empty without the user:read:email scope, which we never ask for.
/// </summary>
public sealed record UserUpdateEvent : ITwitchEvent
{
    public string? UserId { get; init; }

    public string? UserLogin { get; init; }

    public string? UserName { get; init; }

    public string? Email { get; init; }

    public bool EmailVerified { get; init; }

    public string? Description { get; init; }
}

/// <summary><c>conduit.shard.disabled</c> v1: a conduit shard stopped receiving; the operator must repair it.</summary>
public sealed record ConduitShardDisabledEvent : ITwitchEvent
{
    public string? ConduitId { get; init; }

    public string? ShardId { get; init; }

    public string? Status { get; init; }

    public EventSubTransport? Transport { get; init; }
}
