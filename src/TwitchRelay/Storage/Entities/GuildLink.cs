namespace TwitchRelay.Storage.Entities;

/// <summary>A Discord guild's connection to one Twitch broadcaster. Rules belong to the guild.</summary>
public sealed class GuildLink
{
    public required string GuildId { get; set; }

    public required string BroadcasterId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where the service tells the guild's admins about broken links and failing destinations.</summary>
    public string? AdminChannelId { get; set; }

    public List<AlertRule> Rules { get; set; } = [];
}
