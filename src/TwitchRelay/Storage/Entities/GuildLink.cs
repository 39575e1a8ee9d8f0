namespace TwitchRelay.Storage.Entities;

/// <summary>A Discord guild's connection to one Twitch broadcaster. Rules belong to the guild.</summary>
public sealed class GuildLink
{
    public required string GuildId { get; set; }

    public required string BroadcasterId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<AlertRule> Rules { get; set; } = [];
}
