using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Roles.Subscribers;

/// <summary>Asks the reconciler for a pass now (a member just connected their Twitch account).</summary>
public sealed class SubscriberReconcileRequests
{
    public WorkSignal Signal { get; } = new();
}

/// <summary>At start-up and every <c>Roles:SubscriberReconcileInterval</c>, compares the roles this service gave
/// with Get Broadcaster Subscriptions (all pages) and queues the difference both ways for the role worker: a
/// connected subscriber without the role gets it, a role whose subscription is gone (a lapsed gift sends no end
/// event) is taken at once, unless it was given in the last <see cref="RecentGrantLag"/>.
/// https://dev.twitch.tv/docs/api/reference/#get-broadcaster-subscriptions</summary>
internal sealed partial class SubscriberRoleReconciler(
    IDbContextFactory<RelayDbContext> contexts,
    TwitchCalls calls,
    TwitchHelixClient helix,
    SubscriberRoleWorker worker,
    SubscriberReconcileRequests requests,
    IOptions<SubscriberRoleOptions> options,
    TimeProvider time,
    ILogger<SubscriberRoleReconciler> logger) : BackgroundService
{
    /// <summary>Twitch's Helix lists are cached for minutes, so a sub that arrived as an event a moment ago may not be
    /// in Get Broadcaster Subscriptions yet, and one that ended may still be: a role given this recently is not taken
    /// for its absence there, nor one taken this recently given back for its presence.</summary>
    public static readonly TimeSpan RecentGrantLag = TimeSpan.FromMinutes(15);

    private const string SubscriptionsScope = "channel:read:subscriptions";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or HttpRequestException)
            {
                LogFailed(exception);
            }

            // The next pass is due after the interval, or as soon as a member connects their Twitch account.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var interval = Task.Delay(options.Value.SubscriberReconcileInterval, time, wait.Token);
            var asked = requests.Signal.WaitAsync(Timeout.InfiniteTimeSpan, wait.Token);
            await Task.WhenAny(interval, asked);
            await wait.CancelAsync();
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every broadcaster whose guilds have subscriber roles; returns the changes queued.
    /// </summary>
    internal async Task<int> ReconcileAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var links = (await db.GuildLinks.AsNoTracking().ToListAsync(ct)).Where(l => l.HasSubscriberRoles).ToList();
        var queued = 0;
        foreach (var group in links.GroupBy(l => l.BroadcasterId))
        {
            var account = await db.TwitchAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == group.Key, ct);
            if (account is null || !account.IsHealthy || !account.ScopeList.Contains(SubscriptionsScope))
            {
                LogSkipped(group.Key);
                continue;
            }

            var result = await calls.AsUserAsync<IReadOnlyList<ChannelSubscriber>>(
                group.Key,
                (token, c) => helix.GetBroadcasterSubscriptionsAsync(token, group.Key, c),
                ct);
            if (result is not HelixOk<IReadOnlyList<ChannelSubscriber>> ok)
            {
                LogListFailed(group.Key, result.ToString());
                continue;
            }

            queued += await QueueDifferencesAsync(db, group.Key, [.. group], ok.Value, ct);
        }

        if (queued > 0)
        {
            await db.SaveChangesAsync(ct);
            worker.Wake();
        }

        LogDone(links.Count, queued);
        return queued;
    }

    private async Task<int> QueueDifferencesAsync(
        RelayDbContext db,
        string broadcasterId,
        List<GuildLink> links,
        IReadOnlyList<ChannelSubscriber> subscribers,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var byUser = subscribers.GroupBy(s => s.UserId).ToDictionary(g => g.Key, g => g.First());
        var members = await db.MemberLinks.AsNoTracking().ToListAsync(ct);
        var guildIds = links.Select(l => l.GuildId).ToList();
        var grants = await db.SubscriberRoleGrants.AsNoTracking()
            .Where(g => guildIds.Contains(g.GuildId))
            .ToListAsync(ct);
        var pending = await db.SubscriberEvents.AsNoTracking()
            .Where(e => e.BroadcasterId == broadcasterId && e.ProcessedAt == null)
            .Select(e => e.TwitchUserId)
            .ToListAsync(ct);
        var busy = pending.ToHashSet(StringComparer.Ordinal);

        // The other direction of the same cache: a sub that just ended may still be listed, and is not given back.
        var endedSince = now - RecentGrantLag;
        var recentlyEnded = (await db.SubscriberEvents.AsNoTracking()
                .Where(e => e.BroadcasterId == broadcasterId && e.IsEnd && e.ProcessedAt != null)
                .Select(e => new { e.TwitchUserId, e.ProcessedAt })
                .ToListAsync(ct))
            .Where(e => e.ProcessedAt >= endedSince)
            .Select(e => e.TwitchUserId)
            .ToHashSet(StringComparer.Ordinal);
        var queued = 0;
        foreach (var member in members.Where(m => !busy.Contains(m.TwitchUserId)))
        {
            var subscribed = byUser.TryGetValue(member.TwitchUserId, out var sub);
            var held = grants.Where(g => g.DiscordUserId == member.DiscordUserId).ToList();
            var missing = subscribed && links.Any(l => l.SubscriberRoleFor(sub!.Tier, sub.IsGift) is { } role
                && !held.Any(g => g.GuildId == l.GuildId && g.RoleId == role));
            if (missing && !recentlyEnded.Contains(member.TwitchUserId))
            {
                db.SubscriberEvents.Add(NewEvent(broadcasterId, member.TwitchUserId, sub!.Tier, sub.IsGift, now));
                queued++;
            }
            else if (!subscribed && held.Count > 0 && held.All(g => now - g.GrantedAt >= RecentGrantLag))
            {
                // Twitch lists no subscription: the end (or a lapsed gift's silence) is past, no grace left.
                var end = NewEvent(broadcasterId, member.TwitchUserId, "1000", false, now);
                end.IsEnd = true;
                end.GraceApplied = true;
                db.SubscriberEvents.Add(end);
                queued++;
            }
        }

        return queued;
    }

    private static SubscriberEvent NewEvent(string broadcasterId, string userId, string tier, bool gift,
        DateTimeOffset now) => new()
    {
        BroadcasterId = broadcasterId,
        TwitchUserId = userId,
        Tier = tier,
        IsGift = gift,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    [LoggerMessage(EventId = 6150, Level = LogLevel.Information,
        Message = "Subscriber roles reconciled for {GuildCount} guild(s): {Queued} change(s) queued")]
    private partial void LogDone(int guildCount, int queued);

    [LoggerMessage(EventId = 6151, Level = LogLevel.Warning,
        Message = "Subscriber roles of broadcaster {BroadcasterId} not reconciled: the account is not linked with "
            + "channel:read:subscriptions (affiliate or partner; re-link to grant it)")]
    private partial void LogSkipped(string broadcasterId);

    [LoggerMessage(EventId = 6152, Level = LogLevel.Warning,
        Message = "Could not list the subscribers of broadcaster {BroadcasterId}: {Result}")]
    private partial void LogListFailed(string broadcasterId, string result);

    [LoggerMessage(EventId = 6153, Level = LogLevel.Error, Message = "Reconciling subscriber roles failed")]
    private partial void LogFailed(Exception exception);
}
