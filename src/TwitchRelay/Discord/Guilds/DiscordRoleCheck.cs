namespace TwitchRelay.Discord.Guilds;

/// <summary>Whether the bot can give or take a role, checked before trying so the admin is told what to change
/// instead of the bot collecting 403s. The bot can only manage roles below its own highest role, and never a
/// managed (integration, booster or bot) role.
/// https://discord.com/developers/docs/topics/permissions#permission-hierarchy</summary>
public static class DiscordRoleCheck
{
    /// <summary>Null when the bot can manage <paramref name="roleId"/>, else the reason, in words an admin can act
    /// on.</summary>
    public static string? Problem(DiscordGuild guild, DiscordMember botMember, string botUserId, string roleId)
    {
        ArgumentNullException.ThrowIfNull(guild);
        ArgumentNullException.ThrowIfNull(botMember);

        var role = guild.Roles.FirstOrDefault(r => r.Id == roleId);
        if (role is null)
        {
            return $"the role {roleId} does not exist in this server";
        }

        if (role.Managed)
        {
            return $"the role \"{role.Name}\" is managed by an integration; Discord lets no one assign it";
        }

        if (!DiscordPermissions.InGuild(guild, botMember, botUserId).HasFlag(DiscordPermission.ManageRoles))
        {
            return "the bot lacks the Manage Roles permission";
        }

        if (guild.OwnerId == botUserId)
        {
            return null;
        }

        var highest = HighestPosition(guild, botMember);
        return role.Position < highest
            ? null
            : $"the role \"{role.Name}\" is not below the bot's highest role; drag the bot's role above it in "
                + "Server Settings > Roles";
    }

    /// <summary>The position of the member's highest role (0 for @everyone alone).</summary>
    public static int HighestPosition(DiscordGuild guild, DiscordMember member) =>
        guild.Roles.Where(r => member.Roles.Contains(r.Id)).Select(r => r.Position).DefaultIfEmpty(0).Max();
}
