using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery.Streams;

/// <summary>The enabled stream.online rules that post about a channel.</summary>
internal static class StreamRules
{
    /// <summary>The rules of the guilds linked to the channel and of the guilds that follow it.</summary>
    public static Task<List<AlertRule>> ForAsync(
        RelayDbContext db,
        string broadcasterId,
        CancellationToken cancellationToken) =>
        db.AlertRules
            .Where(rule => rule.Enabled
                && rule.EventKey == EventKeys.StreamOnline
                && (rule.Guild!.BroadcasterId == broadcasterId
                    || db.FollowedChannels.Any(f => f.GuildId == rule.GuildId && f.BroadcasterId == broadcasterId)))
            .ToListAsync(cancellationToken);
}
