using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The guild's roles for the live and subscriber role pickers, each with the reason the bot could not give
/// it (managed, above the bot's highest role, Manage Roles missing), so the admin sees it before saving and a save
/// is refused with the same words. https://discord.com/developers/docs/topics/permissions#permission-hierarchy
/// </summary>
public sealed class GuildRoles(DiscordGuildClient discord, GuildDirectory directory)
{
    private const string CannotReadGuild =
        "Discord did not let the bot read this server's roles (is the bot in it, and is Discord:BotToken set?).";

    /// <summary>Null when Discord could not say: the pickers then take a pasted id.</summary>
    public async Task<IReadOnlyList<RoleChoice>?> ChoicesAsync(string guildId, CancellationToken ct)
    {
        var roles = await directory.RolesAsync(guildId, ct);
        if (roles is null)
        {
            return null;
        }

        var bot = await ReadBotAsync(guildId, ct);
        return [.. roles.Select(x => new RoleChoice(
            x.Id,
            x.Name,
            bot is { } b ? DiscordRoleCheck.Problem(b.Guild, b.Member, b.UserId, x.Id) : null))];
    }

    /// <summary>Why the bot could not give each of <paramref name="roleIds"/>, one sentence per role; empty when
    /// it can give them all (or none was chosen).</summary>
    public async Task<IReadOnlyList<string>> ProblemsGivingAsync(
        string guildId,
        IEnumerable<string?> roleIds,
        CancellationToken ct)
    {
        var wanted = roleIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        if (!await directory.BotMayBeInAsync(guildId, ct) || await ReadBotAsync(guildId, ct) is not { } bot)
        {
            return [CannotReadGuild];
        }

        return [.. wanted
            .Select(id => DiscordRoleCheck.Problem(bot.Guild, bot.Member, bot.UserId, id))
            .OfType<string>()
            .Select(x => "The bot cannot give it: " + x + ".")];
    }

    private async Task<(DiscordGuild Guild, DiscordMember Member, string UserId)?> ReadBotAsync(
        string guildId,
        CancellationToken ct)
    {
        var guild = await discord.GetGuildAsync(guildId, ct);
        var member = await discord.GetBotMemberAsync(guildId, ct);
        var user = await discord.GetBotUserAsync(ct);
        return (guild, member, user) is
            (DiscordOk<DiscordGuild> g, DiscordOk<DiscordMember> m, DiscordOk<DiscordUser> u)
            ? (g.Value, m.Value, u.Value.Id)
            : null;
    }
}

/// <summary>A role in a picker; <see cref="Problem"/> says why the bot could not give it, or is null.</summary>
public sealed record RoleChoice(string Id, string Name, string? Problem);

/// <summary>The model of the <c>_RolePicker</c> partial.</summary>
public sealed record RolePicker(string Name, string Label, string? Selected, IReadOnlyList<RoleChoice>? Choices);
