using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The members whose Twitch account is connected (<c>/twitch connect</c>) that a guild's admins see: those
/// who connected from the guild, and those the service gave a subscriber role in it. A connection is per Discord
/// account, so the guild id recorded at connect is the only tie to a guild besides the roles given there.</summary>
public sealed class ConnectedMembers(IDbContextFactory<RelayDbContext> contexts)
{
    public async Task<IReadOnlyList<ConnectedMember>> ListAsync(string guildId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MemberLinks.AsNoTracking()
            .Where(m => m.GuildId == guildId
                || db.SubscriberRoleGrants.Any(g => g.GuildId == guildId && g.DiscordUserId == m.DiscordUserId))
            .OrderBy(m => m.TwitchLogin)
            .Select(m => new ConnectedMember(
                m.DiscordUserId,
                m.TwitchLogin,
                m.TwitchDisplayName,
                db.SubscriberRoleGrants.Count(g => g.GuildId == guildId && g.DiscordUserId == m.DiscordUserId)))
            .ToListAsync(ct);
    }

    /// <summary>False for a member another guild's admins see but this one's do not.</summary>
    public async Task<bool> IsListedAsync(string guildId, string discordUserId, CancellationToken ct) =>
        (await ListAsync(guildId, ct)).Any(x => x.DiscordUserId == discordUserId);
}

public sealed record ConnectedMember(
    string DiscordUserId,
    string TwitchLogin,
    string TwitchDisplayName,
    int SubscriberRolesHere);
