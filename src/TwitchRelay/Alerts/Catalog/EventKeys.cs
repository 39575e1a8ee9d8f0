namespace TwitchRelay.Alerts;

/// <summary>The product's event keys, shared by the dashboard, the config file and the logs (DESIGN.md).</summary>
public static class EventKeys
{
    public const string Follow = "follow";
    public const string Raid = "raid";
    public const string ModeratorAdd = "moderator.add";
    public const string ModeratorRemove = "moderator.remove";
    public const string Ban = "ban";
    public const string Timeout = "timeout";
    public const string Unban = "unban";
    public const string TimeoutRemove = "timeout.remove";
    public const string WarningSend = "warning.send";
    public const string WarningAcknowledge = "warning.acknowledge";
    public const string Cheer = "cheer";
    public const string PollBegin = "poll.begin";
    public const string PollProgress = "poll.progress";
    public const string PollEnd = "poll.end";
    public const string PredictionBegin = "prediction.begin";
    public const string PredictionProgress = "prediction.progress";
    public const string PredictionLock = "prediction.lock";
    public const string PredictionEnd = "prediction.end";
    public const string Redemption = "redemption";
    public const string SubscriptionNew = "subscription.new";
    public const string SubscriptionGift = "subscription.gift";
    public const string SubscriptionEnd = "subscription.end";
    public const string SubscriptionMessage = "subscription.message";
    public const string GoalBegin = "goal.begin";
    public const string GoalProgress = "goal.progress";
    public const string GoalEnd = "goal.end";
    public const string HypeTrainBegin = "hype_train.begin";
    public const string HypeTrainProgress = "hype_train.progress";
    public const string HypeTrainEnd = "hype_train.end";
    public const string VipAdd = "vip.add";
    public const string VipRemove = "vip.remove";
    public const string StreamOnline = "stream.online";
    public const string StreamOffline = "stream.offline";
    public const string ChannelUpdate = "channel.update";
}
