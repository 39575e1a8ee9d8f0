namespace TwitchRelay.Discord.Guilds;

/// <summary>The bot's user, read once per process: its id never changes for a token.</summary>
public sealed class DiscordBotIdentity
{
    private DiscordUser? user;

    public DiscordUser? User
    {
        get => Volatile.Read(ref user);
        internal set => Volatile.Write(ref user, value);
    }
}
