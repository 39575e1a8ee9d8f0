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
}
