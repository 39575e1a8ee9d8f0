using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>What the guild page shows about the guild's Twitch link, read from storage in one place.</summary>
public sealed class GuildOverview(IDbContextFactory<RelayDbContext> contexts)
{
    public async Task<GuildState> ReadAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var link = await db.GuildLinks.AsNoTracking().SingleOrDefaultAsync(x => x.GuildId == guildId,
            cancellationToken);
        if (link is null)
        {
            return new GuildState(null, null, null);
        }

        var account = await db.TwitchAccounts.AsNoTracking()
            .SingleOrDefaultAsync(x => x.UserId == link.BroadcasterId, cancellationToken);
        return new GuildState(link, account, await LastEventAsync(db, link.BroadcasterId, cancellationToken));
    }

    /// <summary>What un-linking would delete, for the confirmation page.</summary>
    public async Task<UnlinkImpact> ImpactOfUnlinkAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var link = await db.GuildLinks.AsNoTracking().SingleOrDefaultAsync(x => x.GuildId == guildId,
            cancellationToken);
        var rules = await db.AlertRules.CountAsync(x => x.GuildId == guildId, cancellationToken);
        var deliveries = await db.Deliveries.CountAsync(x => x.GuildId == guildId, cancellationToken);
        var shared = link is not null && await db.GuildLinks.AnyAsync(
            x => x.BroadcasterId == link.BroadcasterId && x.GuildId != guildId,
            cancellationToken);
        var follows = await db.FollowedChannels.CountAsync(x => x.GuildId == guildId, cancellationToken);
        var grants = await db.SubscriberRoleGrants.CountAsync(x => x.GuildId == guildId, cancellationToken);
        return new UnlinkImpact(rules, deliveries, AccountStays: shared)
        {
            FollowedChannels = follows,
            SubscriberRolesGiven = grants,
            HasLiveRole = link?.LiveRoleId is not null,
            HasSubscriberRoles = link?.HasSubscriberRoles ?? false,
        };
    }

    /// <summary>Notifications carry the broadcaster's id as a JSON string in their condition and event; the inbox
    /// keeps a week of them (RetentionService).</summary>
    internal static IQueryable<InboxNotification> NotificationsOf(RelayDbContext db, string broadcasterId)
    {
        var quoted = "\"" + broadcasterId + "\"";
        return db.Inbox.Where(x => x.MessageType == "notification" && x.Body.Contains(quoted));
    }

    private static async Task<DateTimeOffset?> LastEventAsync(RelayDbContext db, string broadcasterId,
        CancellationToken cancellationToken)
    {
        var last = await NotificationsOf(db, broadcasterId)
            .OrderByDescending(x => x.ReceivedAt)
            .Select(x => (DateTimeOffset?)x.ReceivedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return last;
    }
}

public sealed record GuildState(GuildLink? Link, TwitchAccount? Account, DateTimeOffset? LastEventAt)
{
    public bool IsLinked => Link is not null && Account is not null;

    public string AccountType => Account?.BroadcasterType switch
    {
        "partner" => "Partner",
        "affiliate" => "Affiliate",
        _ => "Regular",
    };

    public bool IsMonetized => Account?.BroadcasterType is "affiliate" or "partner";
}

public sealed record UnlinkImpact(int Rules, int Deliveries, bool AccountStays)
{
    public int FollowedChannels { get; init; }

    /// <summary>Subscriber roles the service gave members, taken back by the un-link.</summary>
    public int SubscriberRolesGiven { get; init; }

    public bool HasLiveRole { get; init; }

    public bool HasSubscriberRoles { get; init; }
}
