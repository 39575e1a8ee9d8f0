using Microsoft.EntityFrameworkCore;
using TwitchRelay.Delivery;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The guild's recent deliveries with their status, and the events its Twitch account sent today.</summary>
public sealed class GuildActivity(IDbContextFactory<RelayDbContext> contexts, TimeProvider time)
{
    public const int Latest = 50;

    public async Task<IReadOnlyList<DeliveryRow>> LatestDeliveriesAsync(string guildId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Deliveries.AsNoTracking()
            .Where(x => x.GuildId == guildId)
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Take(Latest)
            .Select(x => new DeliveryRow(
                x.Id,
                x.EventKey,
                x.Rule!.ChannelId,
                x.Status,
                x.Attempts,
                x.NextAttemptAt,
                x.LastError,
                x.CreatedAt,
                x.CompletedAt,
                x.Inbox!.MessageType == TestAlertQueue.MessageType))
            .ToListAsync(ct);
    }

    /// <summary>Notifications received since midnight UTC, per EventSub type.</summary>
    public async Task<IReadOnlyList<(string Type, int Count)>> EventsTodayAsync(string guildId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var broadcasterId = await db.GuildLinks.Where(x => x.GuildId == guildId).Select(x => x.BroadcasterId)
            .SingleOrDefaultAsync(ct);
        if (broadcasterId is null)
        {
            return [];
        }

        var midnight = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var counts = await GuildOverview.NotificationsOf(db, broadcasterId)
            .Where(x => x.ReceivedAt >= midnight)
            .GroupBy(x => x.SubscriptionType)
            .Select(x => new { x.Key, Count = x.Count() })
            .ToListAsync(ct);
        return [.. counts.OrderByDescending(x => x.Count).ThenBy(x => x.Key).Select(x => (x.Key, x.Count))];
    }
}

public sealed record DeliveryRow(
    long Id,
    string EventKey,
    string? ChannelId,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    bool IsTest);
