using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;

namespace TwitchRelay.Roles;

/// <summary>One Discord member who gets a guild's live role while a Twitch channel is live.</summary>
/// <param name="FollowId">Set when the mapping is a followed channel's; null for the linked streamer's.</param>
internal sealed record LiveRoleMember(
    string GuildId,
    string RoleId,
    string UserId,
    string BroadcasterId,
    string ChannelName,
    long? FollowId);

/// <summary>Reads and cleans the live role mappings: <c>GuildLink.StreamerDiscordUserId</c> for the linked channel,
/// <c>FollowedChannel.DiscordUserId</c> for the followed ones, both only in guilds with a
/// <c>GuildLink.LiveRoleId</c>.</summary>
internal static class LiveRoleMembers
{
    public static async Task<List<LiveRoleMember>> AllAsync(RelayDbContext db, CancellationToken ct) =>
        await QueryAsync(db, null, ct);

    public static async Task<List<LiveRoleMember>> OfAsync(RelayDbContext db, string broadcasterId,
        CancellationToken ct) =>
        await QueryAsync(db, broadcasterId, ct);

    private static async Task<List<LiveRoleMember>> QueryAsync(
        RelayDbContext db,
        string? broadcasterId,
        CancellationToken ct)
    {
        var streamers = await db.GuildLinks
            .Where(x => x.LiveRoleId != null && x.StreamerDiscordUserId != null
                && (broadcasterId == null || x.BroadcasterId == broadcasterId))
            .Select(x => new LiveRoleMember(
                x.GuildId,
                x.LiveRoleId!,
                x.StreamerDiscordUserId!,
                x.BroadcasterId,
                db.TwitchAccounts.Where(a => a.UserId == x.BroadcasterId).Select(a => a.Login).FirstOrDefault()
                    ?? x.BroadcasterId,
                null))
            .ToListAsync(ct);
        var followers = await db.FollowedChannels
            .Where(x => x.DiscordUserId != null && x.Guild!.LiveRoleId != null
                && (broadcasterId == null || x.BroadcasterId == broadcasterId))
            .Select(x => new LiveRoleMember(
                x.GuildId,
                x.Guild!.LiveRoleId!,
                x.DiscordUserId!,
                x.BroadcasterId,
                x.Login,
                x.Id))
            .ToListAsync(ct);
        return [.. streamers, .. followers];
    }

    /// <summary>The member left the server (10007): forget who they are, so the role is not tried again.</summary>
    public static Task ForgetMemberAsync(RelayDbContext db, LiveRoleMember member, CancellationToken ct) =>
        member.FollowId is { } followId
            ? db.FollowedChannels.Where(x => x.Id == followId)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.DiscordUserId, (string?)null), ct)
            : db.GuildLinks.Where(x => x.GuildId == member.GuildId && x.StreamerDiscordUserId == member.UserId)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.StreamerDiscordUserId, (string?)null), ct);

    /// <summary>The role was deleted (10011): the guild has no live role until the admin sets a new one.</summary>
    public static Task ForgetRoleAsync(RelayDbContext db, LiveRoleMember member, CancellationToken ct) =>
        db.GuildLinks.Where(x => x.GuildId == member.GuildId && x.LiveRoleId == member.RoleId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LiveRoleId, (string?)null), ct);

    public static Task ClearProblemAsync(RelayDbContext db, string guildId, CancellationToken ct) =>
        db.GuildLinks.Where(x => x.GuildId == guildId && x.LiveRoleProblem != null)
            .ExecuteUpdateAsync(
                u => u.SetProperty(x => x.LiveRoleProblem, (string?)null)
                    .SetProperty(x => x.LiveRoleProblemAt, (DateTimeOffset?)null),
                ct);
}
