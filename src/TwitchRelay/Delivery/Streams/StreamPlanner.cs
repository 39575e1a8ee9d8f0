using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Alerts.Payloads;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using DeliveryRow = TwitchRelay.Storage.Entities.AlertDelivery;

namespace TwitchRelay.Delivery.Streams;

/// <summary>Turns stream.online, stream.offline and channel.update into the life of one go-live post per stream
/// and stream.online rule: posted once (Twitch re-sends stream.online, sometimes under a new message id:
/// https://dev.twitch.tv/docs/eventsub/#handling-duplicate-events), edited while the title or game changes, ended,
/// deleted or left on offline, and reused without a ping when the stream is back within the grace. Runs inside
/// the dispatcher's transaction, so the state and the deliveries it owes are stored together.</summary>
public sealed class StreamPlanner(IOptions<StreamOptions> options)
{
    public static bool Handles(string eventKey) =>
        eventKey is EventKeys.StreamOnline or EventKeys.StreamOffline or EventKeys.ChannelUpdate;

    /// <summary>Loads the state of every channel a batch has stream events for, and what is known about them.
    /// </summary>
    public static async Task<StreamBatch> LoadAsync(
        RelayDbContext db,
        IEnumerable<AlertEvent> alerts,
        IReadOnlyDictionary<string, StreamInfo> info,
        CancellationToken cancellationToken)
    {
        var ids = alerts.Where(x => Handles(x.EventKey)).Select(x => x.BroadcasterId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new StreamBatch([], new Dictionary<string, string?>(), info);
        }

        var states = await db.StreamStates.Where(x => ids.Contains(x.BroadcasterId)).ToListAsync(cancellationToken);
        var avatars = await db.TwitchAccounts
            .Where(x => ids.Contains(x.UserId))
            .Select(x => new { x.UserId, x.ProfileImageUrl })
            .ToDictionaryAsync(x => x.UserId, x => x.ProfileImageUrl, cancellationToken);
        return new StreamBatch(states, avatars, info);
    }

    /// <summary>Adds the deliveries one stream event owes the channel's stream.online rules; returns how many, and
    /// what became of the event in <paramref name="note"/>.</summary>
    public int Plan(
        RelayDbContext db,
        InboxNotification notification,
        AlertEvent alert,
        StreamBatch batch,
        IEnumerable<AlertRule> liveRules,
        DateTimeOffset now,
        out string note)
    {
        var state = batch.StateOf(db, alert);
        if (!string.IsNullOrEmpty(alert.BroadcasterLogin))
        {
            state.Login = alert.BroadcasterLogin;
            state.DisplayName = alert.BroadcasterName;
        }

        var rules = liveRules.ToList();
        return alert.Payload switch
        {
            StreamOnlineEvent online => Online(db, notification, online, state, batch, rules, now, out note),
            StreamOfflineEvent => Offline(db, notification, state, batch, rules, now, out note),
            ChannelUpdateEvent update => Update(db, notification, update, state, rules, now, out note),
            _ => Nothing("not a stream event", out note),
        };
    }

    private int Online(
        RelayDbContext db,
        InboxNotification notification,
        StreamOnlineEvent online,
        StreamState state,
        StreamBatch batch,
        List<AlertRule> rules,
        DateTimeOffset now,
        out string note)
    {
        var startedAt = online.StartedAt ?? notification.MessageTimestamp;
        var streamId = string.IsNullOrEmpty(online.Id) ? null : online.Id;
        if (state.IsLive && (streamId is null || state.StreamIdList.Contains(streamId)))
        {
            return Nothing($"stream {streamId ?? "?"} already has its post", out note);
        }

        if (state.LastOfflineAt is { } offline && startedAt < offline)
        {
            return Nothing($"stream {streamId ?? "?"} started before the offline of {offline:u}: it has ended",
                out note);
        }

        if (state.IsLive && state.LiveSince is { } since && startedAt < since)
        {
            return Nothing($"stream {streamId ?? "?"} is older than the one live now", out note);
        }

        // Still live under another stream id: its stream.offline was missed (the relay was down) or comes late.
        var missedOffline = state.IsLive;
        // Strictly within: a grace of zero makes every go-live a new post, as StreamOptions promises.
        var reuse = state.Session > 0 && startedAt - LastSeenLive(state) < options.Value.OfflineGrace;
        var ended = missedOffline && !reuse ? MissedOffline.EndPost(db, notification, state, rules, now) : 0;
        if (batch.Info.TryGetValue(state.BroadcasterId, out var info))
        {
            state.Title = info.Title ?? state.Title;
            state.CategoryName = info.CategoryName ?? state.CategoryName;
            state.ProfileImageUrl = info.ProfileImageUrl ?? state.ProfileImageUrl;
            state.TitleChangedAt = notification.MessageTimestamp;
        }

        state.ProfileImageUrl ??= batch.AvatarOf(state.BroadcasterId);
        if (reuse)
        {
            // Back within the grace (or a new stream id soon after the last sign of the old): same post, no ping.
            state.StreamIds = string.Join(',', state.StreamIdList.Append(streamId ?? "").Where(x => x.Length > 0));
            state.Revision++;
            note = $"stream {streamId ?? "?"} is back within the grace: post {state.Session} reused, no ping";
        }
        else
        {
            note = missedOffline ? $"the offline of post {state.Session} was missed: ended it; " : "";
            state.Session++;
            state.Revision = 0;
            state.StreamIds = streamId ?? "";
            state.SessionStartedAt = startedAt;
            state.VodUrl = null;
            note += $"stream {streamId ?? "?"} is live: post {state.Session}";
        }

        state.IsLive = true;
        batch.LiveChanges.Add((state.BroadcasterId, true));
        state.StreamId = streamId;
        state.StreamType = online.Type;
        state.LiveSince = startedAt;
        state.VodSearchUntil = null;
        var post = PostOf(state);
        return ended + Add(db, notification, state, rules, now, rule =>
            StreamPostRenderer.Live(post, new RenderOptions(rule.MentionRoleIdList, rule.Template), ping: !reuse));
    }

    /// <summary>The last time the channel was known live: its stream.offline, or, while it still counts as live
    /// (the offline was missed or is late), the later of its start and its last title change.</summary>
    internal static DateTimeOffset LastSeenLive(StreamState state)
    {
        if (!state.IsLive)
        {
            return state.LastOfflineAt ?? DateTimeOffset.MinValue;
        }

        var since = state.LiveSince ?? DateTimeOffset.MinValue;
        return state.TitleChangedAt is { } changed && changed > since ? changed : since;
    }

    private int Offline(
        RelayDbContext db,
        InboxNotification notification,
        StreamState state,
        StreamBatch batch,
        List<AlertRule> rules,
        DateTimeOffset now,
        out string note)
    {
        var at = notification.MessageTimestamp;
        if (!state.IsLive)
        {
            // Offline before (or without) its online: remembered, so a late stream.online for it posts nothing.
            if (state.LastOfflineAt is null || at > state.LastOfflineAt)
            {
                state.LastOfflineAt = at;
            }

            return Nothing("the channel was not live: nothing to end", out note);
        }

        if (state.LiveSince is { } since && at < since)
        {
            return Nothing("the offline is older than the stream live now", out note);
        }

        // An end the relay noticed itself names its stream: another one live by now is not ended by it.
        var observed = notification.MessageType == ObservedOffline.MessageType;
        if (observed && notification.MessageId != ObservedOffline.MessageIdFor(state))
        {
            return Nothing("the stream noticed ended is no longer the one live", out note);
        }

        state.IsLive = false;
        batch.LiveChanges.Add((state.BroadcasterId, false));
        state.LastOfflineAt = at;
        state.Revision++;
        // When a noticed stream ended is not known: its post says "after a while", as after a missed offline.
        var post = observed ? PostOf(state) with { EndedAt = null } : PostOf(state);
        var edits = rules.Any(x => StreamOfflineActions.Of(x) == StreamOfflineActions.Edit);
        // Every part of a post has its own VOD: after a return within the grace the post keeps showing the first
        // part's until Twitch lists the newest part's.
        // Not after a noticed end: the VOD edit would state a length, and when the stream ended is not known.
        state.VodSearchUntil = edits && !observed ? at + options.Value.VodSearch : null;
        note = observed
            ? $"post {state.Session} ended: Twitch no longer lists the stream"
            : $"post {state.Session} ended";
        var count = 0;
        foreach (var rule in rules.Where(x => !observed || StreamOfflineActions.Of(x) != StreamOfflineActions.Message))
        {
            switch (StreamOfflineActions.Of(rule))
            {
                case StreamOfflineActions.Edit:
                    db.Deliveries.Add(Row(notification, state, rule, now, StreamPostRenderer.Ended(post)));
                    count++;
                    break;
                case StreamOfflineActions.Delete:
                    var delete = Row(notification, state, rule, now, null);
                    delete.DeletesMessage = true;
                    db.Deliveries.Add(delete);
                    count++;
                    break;
                case StreamOfflineActions.Message:
                    var notice = Row(notification, state, rule, now, StreamPostRenderer.OfflineNotice(post));
                    notice.ThreadKey = null;
                    notice.ThreadStage = 0;
                    db.Deliveries.Add(notice);
                    count++;
                    break;
            }
        }

        return count;
    }

    private static int Update(
        RelayDbContext db,
        InboxNotification notification,
        ChannelUpdateEvent update,
        StreamState state,
        List<AlertRule> rules,
        DateTimeOffset now,
        out string note)
    {
        var at = notification.MessageTimestamp;
        if (state.TitleChangedAt is { } changed && at < changed)
        {
            return Nothing("an older title than the one known", out note);
        }

        state.Title = update.Title;
        state.CategoryName = update.CategoryName;
        state.TitleChangedAt = at;
        if (!state.IsLive || state.Session == 0)
        {
            return Nothing("title and category noted for the next go-live", out note);
        }

        state.Revision++;
        note = $"post {state.Session} edited";
        var post = PostOf(state);
        return Add(db, notification, state, rules, now, rule =>
            StreamPostRenderer.Live(post, new RenderOptions(rule.MentionRoleIdList, rule.Template), ping: false));
    }

    /// <summary>Adds one delivery of the VOD edit per rule that ended its post by editing it.</summary>
    internal static int PlanVod(
        RelayDbContext db,
        InboxNotification notification,
        StreamState state,
        IEnumerable<AlertRule> liveRules,
        DateTimeOffset now)
    {
        state.Revision++;
        var message = StreamPostRenderer.Ended(PostOf(state));
        var count = 0;
        foreach (var rule in liveRules.Where(x => StreamOfflineActions.Of(x) == StreamOfflineActions.Edit))
        {
            db.Deliveries.Add(Row(notification, state, rule, now, message));
            count++;
        }

        return count;
    }

    internal static StreamPost PostOf(StreamState state) => new()
    {
        Login = state.Login,
        DisplayName = string.IsNullOrEmpty(state.DisplayName) ? state.Login : state.DisplayName,
        Title = state.Title,
        Category = state.CategoryName,
        AvatarUrl = state.ProfileImageUrl,
        StreamId = state.StreamId,
        StreamType = state.StreamType,
        StartedAt = state.SessionStartedAt ?? state.LiveSince ?? DateTimeOffset.UnixEpoch,
        EndedAt = state.IsLive ? null : state.LastOfflineAt,
        VodUrl = state.VodUrl,
    };

    private static int Add(
        RelayDbContext db,
        InboxNotification notification,
        StreamState state,
        List<AlertRule> rules,
        DateTimeOffset now,
        Func<AlertRule, DiscordMessage> render)
    {
        foreach (var rule in rules)
        {
            db.Deliveries.Add(Row(notification, state, rule, now, render(rule)));
        }

        return rules.Count;
    }

    internal static DeliveryRow Row(
        InboxNotification notification,
        StreamState state,
        AlertRule rule,
        DateTimeOffset now,
        DiscordMessage? message) => new()
    {
        InboxId = notification.Id,
        RuleId = rule.Id,
        GuildId = rule.GuildId,
        EventKey = EventKeys.StreamOnline,
        LaneKey = rule.LaneKey,
        ThreadKey = state.PostKey,
        ThreadStage = state.Revision,
        EventTime = notification.MessageTimestamp,
        Body = message is null ? "" : DiscordMessageJson.Serialize(message),
        Nonce = DeliveryNonce.For(notification.MessageId, rule.Id),
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    private static int Nothing(string reason, out string note)
    {
        note = reason;
        return 0;
    }
}

/// <summary>What Helix said about a channel at dispatch time (any part may be missing).</summary>
public sealed record StreamInfo(string? Title, string? CategoryName, string? ProfileImageUrl);

/// <summary>The stream states of one dispatcher batch, tracked by its context.</summary>
public sealed class StreamBatch(
    List<StreamState> states,
    IReadOnlyDictionary<string, string?> avatars,
    IReadOnlyDictionary<string, StreamInfo> info)
{
    private readonly Dictionary<string, StreamState> byId = states.ToDictionary(x => x.BroadcasterId);

    public IReadOnlyDictionary<string, StreamInfo> Info { get; } = info;

    /// <summary>Channels that went live (true) or offline (false) in this batch, in order, for the live role.
    /// </summary>
    public List<(string BroadcasterId, bool Live)> LiveChanges { get; } = [];

    public string? AvatarOf(string broadcasterId) => avatars.GetValueOrDefault(broadcasterId);

    public StreamState StateOf(RelayDbContext db, AlertEvent alert)
    {
        if (!byId.TryGetValue(alert.BroadcasterId, out var state))
        {
            state = new StreamState
            {
                BroadcasterId = alert.BroadcasterId,
                Login = alert.BroadcasterLogin,
                DisplayName = alert.BroadcasterName,
            };
            db.StreamStates.Add(state);
            byId[alert.BroadcasterId] = state;
        }

        return state;
    }
}
