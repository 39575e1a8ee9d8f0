namespace TwitchRelay.Storage.Entities;

/// <summary>A Discord guild's connection to one Twitch broadcaster. Rules belong to the guild.</summary>
public sealed class GuildLink
{
    public required string GuildId { get; set; }

    public required string BroadcasterId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where the service tells the guild's admins about broken links and failing destinations.</summary>
    public string? AdminChannelId { get; set; }

    /// <summary>The role given to the streamer's (and followed channels') Discord members while they are live.
    /// </summary>
    public string? LiveRoleId { get; set; }

    /// <summary>The linked streamer's Discord member in this guild, for the live role.</summary>
    public string? StreamerDiscordUserId { get; set; }

    /// <summary>Why the live role could not be given or taken (missing permission, role above the bot's), for the
    /// admin; cleared when a change succeeds.</summary>
    public string? LiveRoleProblem { get; set; }

    public DateTimeOffset? LiveRoleProblemAt { get; set; }

    public List<AlertRule> Rules { get; set; } = [];

    public List<FollowedChannel> Follows { get; set; } = [];

    /// <summary>The role every subscriber gets, whatever the tier (or null when roles are per tier).</summary>
    public string? SubscriberRoleId { get; set; }

    public string? SubscriberTier1000RoleId { get; set; }

    public string? SubscriberTier2000RoleId { get; set; }

    public string? SubscriberTier3000RoleId { get; set; }

    /// <summary>The role for gifted subs; when null, gifted subs get the tier's role if
    /// <see cref="SubscriberRolesIncludeGifts"/>, else none.</summary>
    public string? SubscriberGiftRoleId { get; set; }

    public bool SubscriberRolesIncludeGifts { get; set; } = true;

    /// <summary>The last role error shown to the guild's admins (cleared once a role change works again).</summary>
    public string? SubscriberRoleProblem { get; set; }

    /// <summary>Every subscriber role set: the one for all, the tiers' and the gift role.</summary>
    public IEnumerable<string> SubscriberRoleIds =>
        new[] { SubscriberRoleId, SubscriberTier1000RoleId, SubscriberTier2000RoleId, SubscriberTier3000RoleId,
            SubscriberGiftRoleId }.OfType<string>();

    public bool HasSubscriberRoles => SubscriberRoleIds.Any();

    /// <summary>The role a sub of <paramref name="tier"/> gets, or null.</summary>
    public string? SubscriberRoleFor(string tier, bool isGift)
    {
        if (isGift && SubscriberGiftRoleId is not null)
        {
            return SubscriberGiftRoleId;
        }

        if (isGift && !SubscriberRolesIncludeGifts)
        {
            return null;
        }

        return SubscriberRoleId ?? tier switch
        {
            "1000" => SubscriberTier1000RoleId,
            "2000" => SubscriberTier2000RoleId,
            "3000" => SubscriberTier3000RoleId,
            _ => null,
        };
    }
}
