using System.Text.Json.Serialization.Metadata;
using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>The registry of typed handlers keyed by (subscription type, version), built once. A type missing here
/// is <see cref="ParseOutcome.Unknown"/>. OccurredAt is the event's own time when it has one that means "this
/// happened now" (followed_at, banned_at, redeemed_at, a begin's started_at, an end's ended_at); progress events
/// only carry the start of the whole thing, so they use the message timestamp.</summary>
internal static class NotificationHandlers
{
    private static readonly TwitchJsonContext Json = TwitchJsonContext.Default;

    public static IReadOnlyDictionary<EventSubType, INotificationHandler> All { get; } = Build();

    private static Dictionary<EventSubType, INotificationHandler> Build()
    {
        var handlers = new Dictionary<EventSubType, INotificationHandler>();

        void Add<TEvent>(
            string type,
            string version,
            JsonTypeInfo<EventSubNotification<TEvent>> typeInfo,
            Func<TEvent, DateTimeOffset, ParseResult> map)
            where TEvent : class, ITwitchEvent =>
            handlers.Add(new EventSubType(type, version), new NotificationHandler<TEvent>(typeInfo, map));

        Add("channel.follow", "2", Json.EventSubNotificationChannelFollowEvent,
            (e, at) => AlertResults.For(EventKeys.Follow, e, e.FollowedAt ?? at));
        Add("channel.raid", "1", Json.EventSubNotificationChannelRaidEvent, CommunityMappings.Raid);
        Add("channel.moderator.add", "1", Json.EventSubNotificationChannelModeratorEvent,
            (e, at) => AlertResults.For(EventKeys.ModeratorAdd, e, at));
        Add("channel.moderator.remove", "1", Json.EventSubNotificationChannelModeratorEvent,
            (e, at) => AlertResults.For(EventKeys.ModeratorRemove, e, at));
        Add("channel.vip.add", "1", Json.EventSubNotificationChannelVipEvent,
            (e, at) => AlertResults.For(EventKeys.VipAdd, e, at));
        Add("channel.vip.remove", "1", Json.EventSubNotificationChannelVipEvent,
            (e, at) => AlertResults.For(EventKeys.VipRemove, e, at));
        Add("channel.warning.send", "1", Json.EventSubNotificationChannelWarningSendEvent,
            (e, at) => AlertResults.For(EventKeys.WarningSend, e, at));
        Add("channel.warning.acknowledge", "1", Json.EventSubNotificationChannelWarningAcknowledgeEvent,
            (e, at) => AlertResults.For(EventKeys.WarningAcknowledge, e, at));

        Add("channel.moderate", "2", Json.EventSubNotificationChannelModerateEvent, ModerationMappings.Moderate);
        Add("channel.ban", "1", Json.EventSubNotificationChannelBanEvent, ModerationMappings.Ban);
        Add("channel.unban", "1", Json.EventSubNotificationChannelUnbanEvent,
            (e, at) => AlertResults.For(EventKeys.Unban, e, at));

        Add("channel.cheer", "1", Json.EventSubNotificationChannelCheerEvent,
            (e, at) => AlertResults.For(EventKeys.Cheer, e, at));
        Add("channel.subscribe", "1", Json.EventSubNotificationChannelSubscriptionEvent,
            MonetizationMappings.Subscribe);
        Add("channel.subscription.gift", "1", Json.EventSubNotificationChannelSubscriptionGiftEvent,
            (e, at) => AlertResults.For(EventKeys.SubscriptionGift, e, at));
        Add("channel.subscription.end", "1", Json.EventSubNotificationChannelSubscriptionEvent,
            (e, at) => AlertResults.For(EventKeys.SubscriptionEnd, e, at));
        Add("channel.subscription.message", "1", Json.EventSubNotificationChannelSubscriptionMessageEvent,
            (e, at) => AlertResults.For(EventKeys.SubscriptionMessage, e, at));
        Add("channel.channel_points_custom_reward_redemption.add", "1",
            Json.EventSubNotificationCustomRewardRedemptionEvent,
            (e, at) => AlertResults.For(EventKeys.Redemption, e, e.RedeemedAt ?? at));
        Add("channel.channel_points_automatic_reward_redemption.add", "2",
            Json.EventSubNotificationAutomaticRewardRedemptionEvent,
            (e, at) => AlertResults.For(EventKeys.Redemption, e, e.RedeemedAt ?? at));

        Add("channel.poll.begin", "1", Json.EventSubNotificationChannelPollEvent,
            (e, at) => ThreadMappings.Poll(EventKeys.PollBegin, e, e.StartedAt ?? at, stage: 0));
        Add("channel.poll.progress", "1", Json.EventSubNotificationChannelPollEvent,
            (e, at) => ThreadMappings.Poll(EventKeys.PollProgress, e, at, stage: 1));
        Add("channel.poll.end", "1", Json.EventSubNotificationChannelPollEvent,
            (e, at) => ThreadMappings.Poll(EventKeys.PollEnd, e, e.EndedAt ?? at, stage: 2));
        Add("channel.prediction.begin", "1", Json.EventSubNotificationChannelPredictionEvent,
            (e, at) => ThreadMappings.Prediction(EventKeys.PredictionBegin, e, e.StartedAt ?? at, stage: 0));
        Add("channel.prediction.progress", "1", Json.EventSubNotificationChannelPredictionEvent,
            (e, at) => ThreadMappings.Prediction(EventKeys.PredictionProgress, e, at, stage: 1));
        Add("channel.prediction.lock", "1", Json.EventSubNotificationChannelPredictionEvent,
            (e, at) => ThreadMappings.Prediction(EventKeys.PredictionLock, e, e.LockedAt ?? at, stage: 2));
        Add("channel.prediction.end", "1", Json.EventSubNotificationChannelPredictionEvent,
            (e, at) => ThreadMappings.Prediction(EventKeys.PredictionEnd, e, e.EndedAt ?? at, stage: 3));
        Add("channel.goal.begin", "1", Json.EventSubNotificationChannelGoalEvent,
            (e, at) => ThreadMappings.Goal(EventKeys.GoalBegin, e, e.StartedAt ?? at, stage: 0));
        Add("channel.goal.progress", "1", Json.EventSubNotificationChannelGoalEvent,
            (e, at) => ThreadMappings.Goal(EventKeys.GoalProgress, e, at, stage: 1));
        Add("channel.goal.end", "1", Json.EventSubNotificationChannelGoalEvent,
            (e, at) => ThreadMappings.Goal(EventKeys.GoalEnd, e, e.EndedAt ?? at, stage: 2));
        Add("channel.hype_train.begin", "2", Json.EventSubNotificationChannelHypeTrainEvent,
            (e, at) => ThreadMappings.HypeTrain(EventKeys.HypeTrainBegin, e, e.StartedAt ?? at, stage: 0));
        Add("channel.hype_train.progress", "2", Json.EventSubNotificationChannelHypeTrainEvent,
            (e, at) => ThreadMappings.HypeTrain(EventKeys.HypeTrainProgress, e, at, stage: 1));
        Add("channel.hype_train.end", "2", Json.EventSubNotificationChannelHypeTrainEvent,
            (e, at) => ThreadMappings.HypeTrain(EventKeys.HypeTrainEnd, e, e.EndedAt ?? at, stage: 2));

        Add("stream.online", "1", Json.EventSubNotificationStreamOnlineEvent,
            (e, at) => AlertResults.For(EventKeys.StreamOnline, e, e.StartedAt ?? at));
        Add("stream.offline", "1", Json.EventSubNotificationStreamOfflineEvent,
            (e, at) => AlertResults.For(EventKeys.StreamOffline, e, at));
        Add("channel.update", "2", Json.EventSubNotificationChannelUpdateEvent,
            (e, at) => AlertResults.For(EventKeys.ChannelUpdate, e, at));

        return handlers;
    }
}
