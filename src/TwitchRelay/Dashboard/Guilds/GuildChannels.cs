namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The guild's text channels and roles, for the pickers.</summary>
public sealed class GuildChannels
{
    /// <summary>Null when Discord could not say (no bot token, the bot not in the guild, Discord down): the pickers
    /// then take a pasted id.</summary>
    public Task<IReadOnlyList<ChannelChoice>?> TextChannelsAsync(string guildId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrEmpty(guildId);
        return Task.FromResult<IReadOnlyList<ChannelChoice>?>(null);
    }
}

public sealed record ChannelChoice(string Id, string Name);

/// <summary>The model of the <c>_ChannelPicker</c> partial.</summary>
public sealed record ChannelPicker(string Name, string? Selected, IReadOnlyList<ChannelChoice>? Choices, bool AllowNone);
