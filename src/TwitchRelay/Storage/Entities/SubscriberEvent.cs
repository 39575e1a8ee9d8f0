namespace TwitchRelay.Storage.Entities;

/// <summary>A subscription start, renewal or end that the subscriber role sync owes work for, stored by the
/// dispatcher in the same transaction as the alerts (so it survives a restart and never slows them).</summary>
public sealed class SubscriberEvent
{
    public long Id { get; set; }

    public required string BroadcasterId { get; set; }

    public required string TwitchUserId { get; set; }

    /// <summary><c>1000</c>, <c>2000</c> or <c>3000</c>.</summary>
    public required string Tier { get; set; }

    public bool IsGift { get; set; }

    /// <summary>True for <c>channel.subscription.end</c> (the role is taken after the grace period).</summary>
    public bool IsEnd { get; set; }

    /// <summary>True once the end's grace period was added to <see cref="NextAttemptAt"/>.</summary>
    public bool GraceApplied { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>What was done, for the log and the admin: "gave role …", "member left the server", …</summary>
    public string? Outcome { get; set; }
}

/// <summary>A subscriber role the service gave a member: only these are ever taken away again.</summary>
public sealed class SubscriberRoleGrant
{
    public required string GuildId { get; set; }

    public required string DiscordUserId { get; set; }

    public required string RoleId { get; set; }

    public required string TwitchUserId { get; set; }

    public DateTimeOffset GrantedAt { get; set; }
}
