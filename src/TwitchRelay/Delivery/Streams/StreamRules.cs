using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery.Streams;

/// <summary>The enabled stream.online rules that post about a channel.</summary>
internal static class StreamRules
{
    public static Task<List<AlertRule>> ForAsync(
        RelayDbContext db,
        string broadcasterId,
        CancellationToken cancellationToken) =>
        db.AlertRules
            .Where(rule => rule.Enabled
                && rule.EventKey == EventKeys.StreamOnline
                && rule.Guild!.BroadcasterId == broadcasterId)
            .ToListAsync(cancellationToken);
}
