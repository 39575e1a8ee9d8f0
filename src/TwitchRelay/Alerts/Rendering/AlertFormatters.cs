using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>The registry of formatters keyed by event key, built once; each knows the payload type it needs.
/// </summary>
internal static class AlertFormatters
{
    private static readonly Dictionary<string, Func<AlertEvent, AlertView>> ByKey = Build();

    public static IReadOnlyCollection<string> Keys => ByKey.Keys;

    public static AlertView Format(AlertEvent alert) =>
        ByKey.TryGetValue(alert.EventKey, out var format)
            ? format(alert)
            : throw new ArgumentException($"No formatter for event key '{alert.EventKey}'.", nameof(alert));

    private static Dictionary<string, Func<AlertEvent, AlertView>> Build()
    {
        var formatters = new Dictionary<string, Func<AlertEvent, AlertView>>(StringComparer.Ordinal);

        void Add<TEvent>(string key, Func<TEvent, AlertEvent, AlertView> format)
            where TEvent : ITwitchEvent =>
            formatters.Add(key, alert => alert.Payload is TEvent payload
                ? format(payload, alert)
                : throw new ArgumentException(
                    $"Event key '{key}' needs a {typeof(TEvent).Name}, not a {alert.Payload.GetType().Name}.",
                    nameof(alert)));

        Add<ChannelFollowEvent>(EventKeys.Follow, CommunityFormatters.Follow);
        Add<ChannelRaidEvent>(EventKeys.Raid, CommunityFormatters.Raid);
        Add<ChannelModeratorEvent>(EventKeys.ModeratorAdd, (e, _) => CommunityFormatters.Role(e, "a moderator", true));
        Add<ChannelModeratorEvent>(
            EventKeys.ModeratorRemove,
            (e, _) => CommunityFormatters.Role(e, "a moderator", false));
        Add<ChannelVipEvent>(EventKeys.VipAdd, (e, _) => CommunityFormatters.Role(e, "a VIP", true));
        Add<ChannelVipEvent>(EventKeys.VipRemove, (e, _) => CommunityFormatters.Role(e, "a VIP", false));
        Add<ChannelWarningSendEvent>(EventKeys.WarningSend, ModerationFormatters.WarningSent);
        Add<ChannelWarningAcknowledgeEvent>(EventKeys.WarningAcknowledge, ModerationFormatters.WarningAcknowledged);
        foreach (var key in new[] { EventKeys.Ban, EventKeys.Timeout, EventKeys.Unban, EventKeys.TimeoutRemove })
        {
            // Two payload types feed these keys (channel.moderate v2 and channel.ban/unban v1).
            formatters.Add(key, ModerationFormatters.Moderation);
        }

        Add<ChannelCheerEvent>(EventKeys.Cheer, MonetizationFormatters.Cheer);
        Add<ChannelSubscriptionEvent>(EventKeys.SubscriptionNew, MonetizationFormatters.NewSubscription);
        Add<ChannelSubscriptionGiftEvent>(EventKeys.SubscriptionGift, MonetizationFormatters.Gift);
        Add<ChannelSubscriptionEvent>(EventKeys.SubscriptionEnd, MonetizationFormatters.EndedSubscription);
        Add<ChannelSubscriptionMessageEvent>(EventKeys.SubscriptionMessage, MonetizationFormatters.Resub);
        formatters.Add(EventKeys.Redemption, MonetizationFormatters.Redemption);

        Add<ChannelPollEvent>(EventKeys.PollBegin, PollFormatters.Begin);
        Add<ChannelPollEvent>(EventKeys.PollProgress, (e, a) => PollFormatters.Votes(e, a, ended: false));
        Add<ChannelPollEvent>(EventKeys.PollEnd, (e, a) => PollFormatters.Votes(e, a, ended: true));
        Add<ChannelPredictionEvent>(EventKeys.PredictionBegin, PredictionFormatters.Begin);
        Add<ChannelPredictionEvent>(EventKeys.PredictionProgress, PredictionFormatters.Progress);
        Add<ChannelPredictionEvent>(EventKeys.PredictionLock, PredictionFormatters.Locked);
        Add<ChannelPredictionEvent>(EventKeys.PredictionEnd, PredictionFormatters.End);
        Add<ChannelGoalEvent>(EventKeys.GoalBegin, (e, _) => GoalFormatters.Goal(e, "Goal started"));
        Add<ChannelGoalEvent>(EventKeys.GoalProgress, (e, _) => GoalFormatters.Goal(e, "Goal progress"));
        Add<ChannelGoalEvent>(EventKeys.GoalEnd, (e, _) => GoalFormatters.End(e));
        Add<ChannelHypeTrainEvent>(EventKeys.HypeTrainBegin, (e, _) => HypeTrainFormatters.Running(e, begin: true));
        Add<ChannelHypeTrainEvent>(
            EventKeys.HypeTrainProgress,
            (e, _) => HypeTrainFormatters.Running(e, begin: false));
        Add<ChannelHypeTrainEvent>(EventKeys.HypeTrainEnd, (e, _) => HypeTrainFormatters.End(e));

        Add<StreamOnlineEvent>(EventKeys.StreamOnline, StreamFormatters.Online);
        Add<StreamOfflineEvent>(EventKeys.StreamOffline, StreamFormatters.Offline);
        Add<ChannelUpdateEvent>(EventKeys.ChannelUpdate, StreamFormatters.Update);
        return formatters;
    }
}
