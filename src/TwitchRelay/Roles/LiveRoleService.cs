using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Gateway;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage;
using TwitchRelay.Twitch;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Roles;

/// <summary>The live role: given to the Discord member mapped to a channel (the linked streamer's
/// <c>streamerDiscordUserId</c>, a followed channel's <c>discordUserId</c>) while that channel is live, taken on
/// offline. Changes follow the dispatcher's stream.online and stream.offline; at start-up, after an EventSub
/// session (re)subscribes and every <see cref="Period"/>, everyone mapped is reconciled against Get Streams, so a
/// missed offline never leaves the role stuck. Discord's refusals are answered by name: missing permissions or a
/// role above the bot's (50013) is stored on the guild and told in its admin channel; an unknown member (10007)
/// or role (10011) removes the mapping. https://discord.com/developers/docs/resources/guild#add-guild-member-role
/// </summary>
public sealed partial class LiveRoleService(
    IDbContextFactory<RelayDbContext> contexts,
    DiscordGuildClient guilds,
    AdminNotices notices,
    IOptions<DiscordOptions> discordOptions,
    TwitchHelixClient helix,
    TwitchCalls calls,
    IOptions<TwitchOptions> twitchOptions,
    EventSubReconnects reconnects,
    TimeProvider time,
    ILogger<LiveRoleService> logger) : BackgroundService, IStreamLiveObserver, IGatewayDispatchListener
{
    /// <summary>How often everyone mapped is reconciled even when nothing reconnected.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    private const string AuditReason = "TwitchRelay live role";

    private readonly ConcurrentQueue<(string BroadcasterId, bool Live)> changes = new();
    private readonly WorkSignal wake = new();
    private int reconcileRequested;

    public void LiveChanged(string broadcasterId, bool live)
    {
        changes.Enqueue((broadcasterId, live));
        wake.Notify();
    }

    /// <summary>A Discord gateway session that is (re)established may have missed role changes made by hand or
    /// refused while Discord was away: reconcile. Returns at once (this runs on the gateway's read loop).
    /// https://discord.com/developers/docs/events/gateway-events#ready</summary>
    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.Type is "READY" or "RESUMED")
        {
            Interlocked.Exchange(ref reconcileRequested, 1);
            wake.Notify();
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextReconcile = DateTimeOffset.MinValue;
        // Each wait is kept until its signal comes: an abandoned SemaphoreSlim wait would still take the next
        // signal, and the change it announced would wait for the next period.
        Task? reconnected = null;
        Task? changed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (changes.TryDequeue(out var change))
                {
                    await ApplyAsync(change.BroadcasterId, change.Live, stoppingToken);
                }

                if (Interlocked.Exchange(ref reconcileRequested, 0) == 1 || time.GetUtcNow() >= nextReconcile)
                {
                    await ReconcileAsync(stoppingToken);
                    nextReconcile = time.GetUtcNow() + Period;
                }

                reconnected ??= reconnects.Signal.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                changed ??= wake.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                await WaitForAnyAsync(reconnected, changed, nextReconcile - time.GetUtcNow(), stoppingToken);
                if (reconnected.IsCompleted)
                {
                    reconnected = null;
                    nextReconcile = DateTimeOffset.MinValue;
                }

                if (changed.IsCompleted)
                {
                    changed = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A role is never worth stopping the service for (a BackgroundService that throws stops the host).
                LogRoundFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    /// <summary>Returns when either signal came or <paramref name="timeout"/> has passed; the timer is stopped
    /// either way, so no round leaves one behind.</summary>
    private async Task WaitForAnyAsync(Task first, Task second, TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timer = Task.Delay(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, time, stopTimer.Token);
        await Task.WhenAny(first, second, timer);
        await stopTimer.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Gives or takes the role of everyone mapped to one channel.</summary>
    internal async Task ApplyAsync(string broadcasterId, bool live, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var members = await LiveRoleMembers.OfAsync(db, broadcasterId, cancellationToken);
        foreach (var member in members)
        {
            await ChangeAsync(db, member, live, cancellationToken);
        }
    }

    /// <summary>Everyone mapped: the role for those whose channel Twitch says is live, none for the others. When
    /// Twitch cannot be asked, what the relay's own events said is used.</summary>
    internal async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var members = await LiveRoleMembers.AllAsync(db, cancellationToken);
        if (members.Count == 0)
        {
            return 0;
        }

        var live = await LiveChannelsAsync(db, members.Select(x => x.BroadcasterId).Distinct().ToList(),
            cancellationToken);
        foreach (var member in members)
        {
            await ChangeAsync(db, member, live.Contains(member.BroadcasterId), cancellationToken);
        }

        LogReconciled(members.Count, live.Count);
        return members.Count;
    }

    private async Task<HashSet<string>> LiveChannelsAsync(
        RelayDbContext db,
        List<string> broadcasterIds,
        CancellationToken cancellationToken)
    {
        var live = new HashSet<string>(StringComparer.Ordinal);
        var hasCredentials = !string.IsNullOrWhiteSpace(twitchOptions.Value.ClientId)
            && !string.IsNullOrWhiteSpace(twitchOptions.Value.ClientSecret);
        try
        {
            foreach (var chunk in broadcasterIds.Chunk(TwitchHelixClient.MaxUsersPerRequest))
            {
                if (!hasCredentials)
                {
                    break;
                }

                var result = await calls.AsAppAsync((t, ct) => helix.GetStreamsAsync(t, chunk, ct), cancellationToken);
                if (result is not HelixOk<IReadOnlyList<TwitchLiveStream>> ok)
                {
                    hasCredentials = false;
                    LogStreamsUnknown(result.ToString());
                    break;
                }

                live.UnionWith(ok.Value.Select(x => x.UserId));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            hasCredentials = false;
            LogStreamsUnknown(exception.Message);
        }

        if (hasCredentials)
        {
            await BelieveRecentEventsAsync(db, broadcasterIds, live, cancellationToken);
            return live;
        }

        // Twitch could not be asked: the relay's own record of stream.online and stream.offline stands in.
        return [.. await db.StreamStates
            .Where(x => x.IsLive && broadcasterIds.Contains(x.BroadcasterId))
            .Select(x => x.BroadcasterId)
            .ToListAsync(cancellationToken)];
    }

    private async Task BelieveRecentEventsAsync(
        RelayDbContext db,
        List<string> broadcasterIds,
        HashSet<string> live,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var states = await db.StreamStates.AsNoTracking()
            .Where(x => broadcasterIds.Contains(x.BroadcasterId))
            .Select(x => new { x.BroadcasterId, x.IsLive, x.LiveSince, x.LastOfflineAt })
            .ToListAsync(cancellationToken);
        foreach (var state in states)
        {
            var changedAt = state.IsLive ? state.LiveSince : state.LastOfflineAt;
            // Within the cache's lag of the relay's own stream.online or stream.offline, that event is believed over
            // Get Streams, so a reconcile never takes the role of a streamer who just went live.
            if (changedAt is not { } at || now - at >= StreamOptions.GetStreamsCacheLag)
            {
                continue;
            }

            if (state.IsLive)
            {
                live.Add(state.BroadcasterId);
            }
            else
            {
                live.Remove(state.BroadcasterId);
            }
        }
    }

    private async Task ChangeAsync(
        RelayDbContext db,
        LiveRoleMember member,
        bool live,
        CancellationToken cancellationToken)
    {
        if (!discordOptions.Value.HasBotToken)
        {
            return;
        }

        var result = live
            ? await guilds.AddMemberRoleAsync(member.GuildId, member.UserId, member.RoleId, AuditReason,
                cancellationToken)
            : await guilds.RemoveMemberRoleAsync(member.GuildId, member.UserId, member.RoleId, AuditReason,
                cancellationToken);
        switch (result)
        {
            case DiscordFailed { IsUnknownMember: true }:
                await LiveRoleMembers.ForgetMemberAsync(db, member, cancellationToken);
                await RecordProblemAsync(db, member, $"the Discord member {member.UserId} (for "
                    + $"{member.ChannelName}) is no longer in the server; their live role mapping was removed",
                    cancellationToken);
                LogMemberGone(member.GuildId, member.UserId);
                break;
            case DiscordFailed { IsUnknownRole: true }:
                await LiveRoleMembers.ForgetRoleAsync(db, member, cancellationToken);
                await RecordProblemAsync(db, member, $"the live role {member.RoleId} no longer exists; the live "
                    + "role is switched off until a new one is set (liveRoleId)", cancellationToken);
                LogRoleGone(member.GuildId, member.RoleId);
                break;
            case DiscordFailed { IsMissingPermissions: true } failed:
                var why = await ExplainAsync(member, cancellationToken) ?? failed.Reason;
                // One wording for giving and taking, so the admin is told once, not at every change.
                await RecordProblemAsync(db, member, $"the bot cannot give or take the live role "
                    + $"({member.ChannelName}'s member): {why} (Discord error 50013)", cancellationToken);
                break;
            case DiscordFailed failed:
                LogChangeFailed(member.GuildId, member.UserId, failed.Reason);
                break;
            case DiscordRetryLater retry:
                // The next reconcile tries again; a role is not worth holding the queue for.
                LogChangeFailed(member.GuildId, member.UserId, retry.Reason);
                break;
            default:
                await LiveRoleMembers.ClearProblemAsync(db, member.GuildId, cancellationToken);
                LogChanged(member.GuildId, member.UserId, live);
                break;
        }
    }

    /// <summary>Which of Discord's rules refused the change, read from the guild's roles and the bot's member.
    /// https://discord.com/developers/docs/topics/permissions#permission-hierarchy</summary>
    private async Task<string?> ExplainAsync(LiveRoleMember member, CancellationToken cancellationToken)
    {
        var guild = await guilds.GetGuildAsync(member.GuildId, cancellationToken);
        var bot = await guilds.GetBotUserAsync(cancellationToken);
        var botMember = await guilds.GetBotMemberAsync(member.GuildId, cancellationToken);
        return (guild, bot, botMember) is
            (DiscordOk<DiscordGuild> g, DiscordOk<DiscordUser> u, DiscordOk<DiscordMember> m)
            ? DiscordRoleCheck.Problem(g.Value, m.Value, u.Value.Id, member.RoleId)
            : null;
    }

    /// <summary>Stores the problem for <c>activity</c> and, when it is new, tells the guild's admin channel.</summary>
    private async Task RecordProblemAsync(
        RelayDbContext db,
        LiveRoleMember member,
        string problem,
        CancellationToken cancellationToken)
    {
        LogProblem(member.GuildId, problem);
        var link = await db.GuildLinks.SingleOrDefaultAsync(x => x.GuildId == member.GuildId, cancellationToken);
        if (link is null || link.LiveRoleProblem == problem)
        {
            return;
        }

        link.LiveRoleProblem = problem;
        link.LiveRoleProblemAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (link.AdminChannelId is { } channel)
        {
            var sent = await notices.PostAsync(
                channel, $"TwitchRelay live role: {problem}.", nonce: null, cancellationToken);
            if (sent is not DiscordDelivered)
            {
                LogNoticeFailed(member.GuildId, sent.ToString());
            }
        }
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information,
        Message = "Live role {Change} member {UserId} in guild {GuildId}")]
    private partial void LogChangedCore(string change, string userId, string guildId);

    private void LogChanged(string guildId, string userId, bool live) =>
        LogChangedCore(live ? "given to" : "taken from", userId, guildId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Live role in guild {GuildId}: {Problem}")]
    private partial void LogProblem(string guildId, string problem);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning,
        Message = "Live role member {UserId} left guild {GuildId}; mapping removed")]
    private partial void LogMemberGone(string guildId, string userId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "Live role {RoleId} of guild {GuildId} was deleted; live role switched off")]
    private partial void LogRoleGone(string guildId, string roleId);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning,
        Message = "Live role change for {UserId} in guild {GuildId} failed; the next reconcile retries: {Reason}")]
    private partial void LogChangeFailed(string guildId, string userId, string reason);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information,
        Message = "Live role reconciled: {Members} member(s) mapped, {Live} channel(s) live")]
    private partial void LogReconciled(int members, int live);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning,
        Message = "Twitch could not say who is live ({Reason}); the relay's own stream record is used")]
    private partial void LogStreamsUnknown(string reason);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning,
        Message = "The live role notice to guild {GuildId}'s admin channel was not posted: {Result}")]
    private partial void LogNoticeFailed(string guildId, string result);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Error, Message = "Live role round failed; will try again")]
    private partial void LogRoundFailed(Exception exception);
}
