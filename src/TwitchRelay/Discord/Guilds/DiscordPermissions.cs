using System.Globalization;

namespace TwitchRelay.Discord.Guilds;

/// <summary>Computes what a member may do, the way Discord does, so the service can name a missing permission
/// before it acts instead of collecting 403s (which count toward Discord's invalid-request ban).
/// https://discord.com/developers/docs/topics/permissions#permission-overwrites</summary>
public static class DiscordPermissions
{
    /// <summary>What the bot must have in a channel to post alerts there.</summary>
    public const DiscordPermission ToPostAlerts =
        DiscordPermission.ViewChannel | DiscordPermission.SendMessages | DiscordPermission.EmbedLinks;

    /// <summary>The guild-level permissions: @everyone's and the member's roles', everything for the owner and for
    /// Administrator.</summary>
    public static DiscordPermission InGuild(DiscordGuild guild, DiscordMember member, string userId)
    {
        ArgumentNullException.ThrowIfNull(guild);
        ArgumentNullException.ThrowIfNull(member);

        if (guild.OwnerId == userId)
        {
            return DiscordPermission.All;
        }

        // The @everyone role has the guild's id.
        var permissions = guild.Roles.FirstOrDefault(r => r.Id == guild.Id) is { } everyone
            ? Parse(everyone.Permissions)
            : 0UL;
        foreach (var role in guild.Roles.Where(r => member.Roles.Contains(r.Id)))
        {
            permissions |= Parse(role.Permissions);
        }

        return (permissions & (ulong)DiscordPermission.Administrator) != 0
            ? DiscordPermission.All
            : (DiscordPermission)permissions;
    }

    /// <summary>The member's permissions in <paramref name="channel"/>: the guild-level ones, then @everyone's
    /// overwrite, then the member's roles' overwrites together, then the member's own overwrite.</summary>
    public static DiscordPermission InChannel(
        DiscordGuild guild,
        DiscordMember member,
        string userId,
        DiscordChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);

        var basePermissions = InGuild(guild, member, userId);
        if (basePermissions == DiscordPermission.All)
        {
            return DiscordPermission.All;
        }

        var permissions = (ulong)basePermissions;
        var overwrites = channel.PermissionOverwrites ?? [];
        if (overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == guild.Id) is { } everyone)
        {
            permissions = (permissions & ~Parse(everyone.Deny)) | Parse(everyone.Allow);
        }

        ulong roleAllow = 0, roleDeny = 0;
        foreach (var overwrite in overwrites.Where(o => o.Type == 0 && o.Id != guild.Id && member.Roles.Contains(o.Id)))
        {
            roleAllow |= Parse(overwrite.Allow);
            roleDeny |= Parse(overwrite.Deny);
        }

        permissions = (permissions & ~roleDeny) | roleAllow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == userId) is { } own)
        {
            permissions = (permissions & ~Parse(own.Deny)) | Parse(own.Allow);
        }

        // Without View Channel every other channel permission is implicitly denied.
        // https://discord.com/developers/docs/topics/permissions#implicit-permissions
        return (permissions & (ulong)DiscordPermission.ViewChannel) == 0
            ? DiscordPermission.None
            : (DiscordPermission)permissions;
    }

    /// <summary>The names of the bits in <paramref name="needed"/> that <paramref name="held"/> lacks, as Discord's
    /// settings show them ("View Channel").</summary>
    public static IReadOnlyList<string> Missing(DiscordPermission held, DiscordPermission needed) =>
        [.. Enum.GetValues<DiscordPermission>()
            .Where(bit => bit is not DiscordPermission.None and not DiscordPermission.All)
            .Where(bit => needed.HasFlag(bit) && !held.HasFlag(bit))
            .Select(Describe)];

    /// <summary>Discord sends permissions as a decimal string; an unreadable one grants nothing.</summary>
    public static ulong Parse(string? bits) =>
        ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static string Describe(DiscordPermission bit) => bit switch
    {
        DiscordPermission.Administrator => "Administrator",
        DiscordPermission.ManageGuild => "Manage Server",
        DiscordPermission.ViewChannel => "View Channel",
        DiscordPermission.SendMessages => "Send Messages",
        DiscordPermission.EmbedLinks => "Embed Links",
        DiscordPermission.ReadMessageHistory => "Read Message History",
        DiscordPermission.MentionEveryone => "Mention @everyone, @here and All Roles",
        DiscordPermission.ManageRoles => "Manage Roles",
        _ => bit.ToString(),
    };
}
