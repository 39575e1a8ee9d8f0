using Microsoft.EntityFrameworkCore;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Roles;

/// <summary>On un-link: the live role is taken from every member mapped to it (Discord answers 204 for a member who
/// does not hold it, so nobody needs to be live), and every subscriber role the service gave is taken back.
/// https://discord.com/developers/docs/resources/guild#remove-guild-member-role</summary>
internal sealed partial class UnlinkRoleCleanup(
    IDbContextFactory<RelayDbContext> contexts,
    DiscordGuildClient guilds,
    ILogger<UnlinkRoleCleanup> logger) : IUnlinkRoleCleanup
{
    private const string AuditReason = "TwitchRelay: Twitch account un-linked";

    public async Task<IReadOnlyList<GivenRole>> RolesGivenAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = (await LiveRoleMembers.AllAsync(db, cancellationToken))
            .Where(m => m.GuildId == guildId)
            .Select(m => new GivenRole(m.UserId, m.RoleId));
        var subscriber = await db.SubscriberRoleGrants.AsNoTracking()
            .Where(g => g.GuildId == guildId)
            .Select(g => new GivenRole(g.DiscordUserId, g.RoleId))
            .ToListAsync(cancellationToken);
        return [.. live.Concat(subscriber).Distinct()];
    }

    public async Task<int> TakeBackAsync(
        string guildId,
        IReadOnlyList<GivenRole> roles,
        CancellationToken cancellationToken)
    {
        var taken = 0;
        foreach (var role in roles)
        {
            var result = await guilds.RemoveMemberRoleAsync(
                guildId, role.UserId, role.RoleId, AuditReason, cancellationToken);
            if (result is DiscordDone)
            {
                taken++;
            }
            else
            {
                // The guild is un-linked: there is no admin channel left to tell, so the log says it.
                LogNotTaken(role.RoleId, role.UserId, guildId, result.ToString());
            }
        }

        return taken;
    }

    [LoggerMessage(EventId = 5120, Level = LogLevel.Warning,
        Message = "Un-link: role {RoleId} could not be taken from member {UserId} in guild {GuildId}: {Result}")]
    private partial void LogNotTaken(string roleId, string userId, string guildId, string result);
}
