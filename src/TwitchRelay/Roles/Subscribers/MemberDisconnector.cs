using Microsoft.EntityFrameworkCore;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Roles.Subscribers;

/// <summary>Ends a member's Twitch connection: the mapping is deleted and every subscriber role this service gave
/// the member is taken back, in every guild (the mapping is per Discord account, and a grant without a mapping would
/// never be reconciled again). One path for <c>/twitch disconnect</c> and the dashboard's "Remove".
/// https://discord.com/developers/docs/resources/guild#remove-guild-member-role</summary>
public sealed partial class MemberDisconnector(
    IDbContextFactory<RelayDbContext> contexts,
    DiscordGuildClient guilds,
    ILogger<MemberDisconnector> logger)
{
    /// <summary>Null when the member had no connection.</summary>
    /// <param name="discordUserId">The member.</param>
    /// <param name="auditReason">Shown in the guilds' audit logs beside each role taken.</param>
    /// <param name="ct">Stops the work.</param>
    public async Task<MemberDisconnected?> DisconnectAsync(
        string discordUserId,
        string auditReason,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var link = await db.MemberLinks.FindAsync([discordUserId], ct);
        if (link is null)
        {
            return null;
        }

        db.MemberLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        LogDisconnected(discordUserId, link.TwitchUserId);

        var (taken, left) = await TakeRolesAsync(db, discordUserId, auditReason, ct);
        return new MemberDisconnected(link, taken, left);
    }

    private async Task<(int Taken, int Left)> TakeRolesAsync(
        RelayDbContext db,
        string userId,
        string auditReason,
        CancellationToken ct)
    {
        var grants = await db.SubscriberRoleGrants.Where(g => g.DiscordUserId == userId).ToListAsync(ct);
        var (taken, left) = (0, 0);
        foreach (var grant in grants)
        {
            var result = await guilds.RemoveMemberRoleAsync(grant.GuildId, userId, grant.RoleId, auditReason, ct);
            if (result is DiscordDone
                or DiscordFailed { IsUnknownMember: true }
                or DiscordFailed { IsUnknownRole: true })
            {
                taken += result is DiscordDone ? 1 : 0;
            }
            else
            {
                // Refused (50013) or Discord kept failing: the member is told how many are left, the log says why.
                left++;
                LogNotTaken(grant.RoleId, userId, grant.GuildId, result.ToString());
            }

            // The grant is over either way: without a connection nothing would maintain it, and no retry loop.
            db.SubscriberRoleGrants.Remove(grant);
        }

        await db.SaveChangesAsync(ct);
        return (taken, left);
    }

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning,
        Message = "Disconnect: role {RoleId} could not be taken from member {UserId} in guild {GuildId}: {Result}")]
    private partial void LogNotTaken(string roleId, string userId, string guildId, string result);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Discord user {DiscordUserId} disconnected Twitch user {TwitchUserId}")]
    private partial void LogDisconnected(string discordUserId, string twitchUserId);
}

/// <summary>The connection that was removed, how many subscriber roles Discord let the service take back, and how
/// many it refused (to remove by hand).</summary>
public sealed record MemberDisconnected(MemberLink Removed, int RolesTaken, int RolesLeft = 0);
