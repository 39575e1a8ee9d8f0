using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

internal static class CommunityMappings
{
    // The alert belongs to the raided channel: we subscribe with to_broadcaster_user_id (catalog.json).
    public static ParseResult Raid(ChannelRaidEvent e, DateTimeOffset at) =>
        AlertResults.For(
            EventKeys.Raid,
            e.ToBroadcasterUserId,
            e.ToBroadcasterUserLogin,
            e.ToBroadcasterUserName,
            at,
            thread: null,
            e);
}

internal static class MonetizationMappings
{
    // channel.subscribe fires once per recipient of a gift as well; channel.subscription.gift already announces the
    // whole gift, so a community gift of N subs is one alert, not N + 1.
    // https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#channelsubscribe
    public static ParseResult Subscribe(ChannelSubscriptionEvent e, DateTimeOffset at) =>
        e.IsGift
            ? ParseResult.Ignored("A gifted subscription is announced once by its channel.subscription.gift alert.")
            : AlertResults.For(EventKeys.SubscriptionNew, e, at);
}

/// <summary>Events that post one message and then edit it; see <see cref="AlertThread"/>.</summary>
internal static class ThreadMappings
{
    public static ParseResult Poll(string key, ChannelPollEvent e, DateTimeOffset at, int stage) =>
        AlertResults.For(key, e, at, AlertResults.Thread("poll", e.Id, stage));

    public static ParseResult Prediction(string key, ChannelPredictionEvent e, DateTimeOffset at, int stage) =>
        AlertResults.For(key, e, at, AlertResults.Thread("prediction", e.Id, stage));

    public static ParseResult Goal(string key, ChannelGoalEvent e, DateTimeOffset at, int stage) =>
        AlertResults.For(key, e, at, AlertResults.Thread("goal", e.Id, stage));

    public static ParseResult HypeTrain(string key, ChannelHypeTrainEvent e, DateTimeOffset at, int stage) =>
        AlertResults.For(key, e, at, AlertResults.Thread("hype_train", e.Id, stage));
}
