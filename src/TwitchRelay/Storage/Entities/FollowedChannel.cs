namespace TwitchRelay.Storage.Entities;

/// <summary>Another Twitch channel a guild follows for go-live posts only: its stream.online, stream.offline and
/// channel.update events are posted by the guild's stream.online rules, with the same settings. Those events need
/// no authorization from the channel (https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#streamonline).
/// Added by login in the rules file; the login was checked to exist (Get Users) when it was imported.</summary>
public sealed class FollowedChannel
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    /// <summary>Twitch's user id of the followed channel.</summary>
    public required string BroadcasterId { get; set; }

    /// <summary>The login as imported (lower case), kept for export.</summary>
    public required string Login { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>The channel owner's Discord member in this guild, given the guild's live role while they stream.
    /// </summary>
    public string? DiscordUserId { get; set; }

    /// <summary>Keeps the order of the imported file.</summary>
    public int Position { get; set; }

    public GuildLink? Guild { get; set; }
}
