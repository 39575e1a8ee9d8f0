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
                db.SubscriberRoleGrants.Count(g => g.GuildId == guildId && g.DiscordUserId == m.DiscordUserId))
            {
                RemovableHere = m.GuildId == guildId
                    && !db.SubscriberRoleGrants.Any(g => g.GuildId != guildId && g.DiscordUserId == m.DiscordUserId),
            })
            .ToListAsync(ct);
    }

    /// <summary>Whether this guild's admins may end the member's connection: only one made from this guild that
    /// holds no role in another. The connection is per Discord account, so ending any other would cost the member
    /// roles in servers these admins do not manage; the member ends it themselves (<c>/twitch disconnect</c> or the
    /// dashboard's account page).</summary>
    public async Task<bool> IsRemovableHereAsync(string guildId, string discordUserId, CancellationToken ct) =>
        (await ListAsync(guildId, ct)).Any(x => x.DiscordUserId == discordUserId && x.RemovableHere);
}

public sealed record ConnectedMember(
    string DiscordUserId,
    string TwitchLogin,
    string TwitchDisplayName,
    int SubscriberRolesHere)
{
    public bool RemovableHere { get; init; }
}
