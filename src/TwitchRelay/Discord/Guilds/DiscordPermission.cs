namespace TwitchRelay.Discord.Guilds;

/// <summary>The permission bits this service checks. https://discord.com/developers/docs/topics/permissions</summary>
[Flags]
public enum DiscordPermission : ulong
{
    None = 0,
    Administrator = 1UL << 3,
    ManageGuild = 1UL << 5,
    ViewChannel = 1UL << 10,
    SendMessages = 1UL << 11,
    EmbedLinks = 1UL << 14,
    ReadMessageHistory = 1UL << 16,
    MentionEveryone = 1UL << 17,
    ManageRoles = 1UL << 28,
    All = ulong.MaxValue,
}
