using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery.Streams;

/// <summary>Ends the post of a stream whose stream.offline never came (the relay was down when it ended), once a new
/// stream has begun after the grace. Rules that edit show it ended "after a while" (when is unknown), rules that
/// delete delete it. No separate offline message (it would be a day late) and no VOD search (the channel's state now
/// follows the new stream). The deliveries hang off an inbox row of their own, like the VOD edit's, because a
/// notification owes each rule one delivery and the go-live's is the new post.</summary>
internal static class MissedOffline
{
    public const string SubscriptionType = "stream.offline.missed";

    public static int EndPost(
        RelayDbContext db,
        InboxNotification online,
        StreamState state,
        List<AlertRule> rules,
        DateTimeOffset now)
    {
        var ending = new InboxNotification
        {
            MessageId = $"relay:missed-offline:{state.BroadcasterId}:{state.Session}",
            MessageType = StreamVodWatcher.MessageType,
            SubscriptionType = SubscriptionType,
            SubscriptionVersion = "1",
            MessageTimestamp = online.MessageTimestamp,
            ReceivedAt = now,
            Body = $$"""{"broadcaster_user_id":"{{state.BroadcasterId}}","ended_by":"{{online.MessageId}}"}""",
            ProcessedAt = now,
        };
        db.Inbox.Add(ending);
        state.Revision++;
        var ended = StreamPostRenderer.Ended(StreamPlanner.PostOf(state) with { EndedAt = null });
        var count = 0;
        foreach (var rule in rules)
        {
            var action = StreamOfflineActions.Of(rule);
            if (action is not (StreamOfflineActions.Edit or StreamOfflineActions.Delete))
            {
                continue;
            }

            var row = StreamPlanner.Row(ending, state, rule, now, action == StreamOfflineActions.Edit ? ended : null);
            row.Inbox = ending;
            row.DeletesMessage = action == StreamOfflineActions.Delete;
            db.Deliveries.Add(row);
            count++;
        }

        ending.Outcome = $"the offline of post {state.Session} was missed: {count} post(s) ended or deleted";
        return count;
    }
}
