namespace TwitchRelay.Alerts;

/// <summary>The catalog's rows. Versions: channel.follow v1 was removed in 2023, hype train v1 was withdrawn on
/// 2026-01-15, channel.update v2 replaced is_mature, and channel.moderate v2 is the one with warnings and the
/// read-only route to bans (https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/).</summary>
internal static class EventCatalogEntries
{
    private const string Follow = "moderator:read:followers";
    private const string ModerationRead = "moderation:read";
    private const string Warnings = "moderator:read:warnings";
    private const string Vips = "channel:read:vips";
    private const string Bits = "bits:read";
    private const string Subs = "channel:read:subscriptions";
    private const string Polls = "channel:read:polls";
    private const string Predictions = "channel:read:predictions";
    private const string Redemptions = "channel:read:redemptions";
    private const string Goals = "channel:read:goals";
    private const string HypeTrain = "channel:read:hype_train";

    // channel.moderate v2 needs one scope of EACH of its eight groups, not any one of them:
    // https://dev.twitch.tv/docs/eventsub/reference/channel-moderation/#channel-moderate-v2
    private static readonly string[] ModerateScopes =
    [
        "moderator:read:blocked_terms",
        "moderator:read:chat_settings",
        "moderator:read:unban_requests",
        "moderator:read:banned_users",
        "moderator:read:chat_messages",
        Warnings,
        "moderator:read:moderators",
        "moderator:read:vips",
    ];

    private static readonly EventSubType Moderate = new("channel.moderate", "2");

    public static EventDefinition[] Build() =>
    [
        Row(EventKeys.Follow, "Follows", "New follower", EventCategory.Community, "channel.follow", "2",
            [Follow], affiliate: false, Placeholders.User),
        Row(EventKeys.Raid, "Raids", "Incoming raid", EventCategory.Community, "channel.raid", "1",
            [], affiliate: false, [.. Placeholders.User, "viewers"]),
        Row(EventKeys.ModeratorAdd, "Moderator status", "Moderator added", EventCategory.Moderation,
            "channel.moderator.add", "1", [ModerationRead], affiliate: false, Placeholders.User),
        Row(EventKeys.ModeratorRemove, "Moderator status", "Moderator removed", EventCategory.Moderation,
            "channel.moderator.remove", "1", [ModerationRead], affiliate: false, Placeholders.User),
        ModerateRow(EventKeys.Ban, "User banned", [.. Placeholders.ModeratedUser, "reason"]),
        ModerateRow(EventKeys.Timeout, "User timed out", [.. Placeholders.ModeratedUser, "reason", "duration"]),
        ModerateRow(EventKeys.Unban, "User unbanned", Placeholders.ModeratedUser),
        ModerateRow(EventKeys.TimeoutRemove, "Timeout removed", Placeholders.ModeratedUser),
        Row(EventKeys.WarningSend, "Warnings", "Warning sent", EventCategory.Moderation, "channel.warning.send", "1",
            [Warnings], affiliate: false, [.. Placeholders.ModeratedUser, "reason", "rules"]),
        Row(EventKeys.WarningAcknowledge, "Warnings", "Warning acknowledged", EventCategory.Moderation,
            "channel.warning.acknowledge", "1", [Warnings], affiliate: false, Placeholders.User),
        Row(EventKeys.Cheer, "Bits", "Cheer", EventCategory.Monetization, "channel.cheer", "1",
            [Bits], affiliate: true, [.. Placeholders.User, "bits", "message"]),
        Row(EventKeys.PollBegin, "Polls", "Poll started", EventCategory.Engagement, "channel.poll.begin", "1",
            [Polls], affiliate: true, ["title", "choices"]),
        Row(EventKeys.PollProgress, "Polls", "Poll progress", EventCategory.Engagement, "channel.poll.progress",
            "1", [Polls], affiliate: true, Placeholders.Poll),
        Row(EventKeys.PollEnd, "Polls", "Poll ended", EventCategory.Engagement, "channel.poll.end", "1",
            [Polls], affiliate: true, Placeholders.PollEnd),
        Row(EventKeys.PredictionBegin, "Predictions", "Prediction started", EventCategory.Engagement,
            "channel.prediction.begin", "1", [Predictions], affiliate: true, ["title", "outcomes"]),
        Row(EventKeys.PredictionProgress, "Predictions", "Prediction progress", EventCategory.Engagement,
            "channel.prediction.progress", "1", [Predictions], affiliate: true, Placeholders.Prediction),
        Row(EventKeys.PredictionLock, "Predictions", "Prediction locked", EventCategory.Engagement,
            "channel.prediction.lock", "1", [Predictions], affiliate: true, Placeholders.Prediction),
        Row(EventKeys.PredictionEnd, "Predictions", "Prediction ended", EventCategory.Engagement,
            "channel.prediction.end", "1", [Predictions], affiliate: true, Placeholders.PredictionEnd),
        Redemption(),
        Row(EventKeys.SubscriptionNew, "Subscriptions", "New subscriber", EventCategory.Monetization,
            "channel.subscribe", "1", [Subs], affiliate: true, Placeholders.Subscription),
        Row(EventKeys.SubscriptionGift, "Subscriptions", "Gifted subscriptions", EventCategory.Monetization,
            "channel.subscription.gift", "1", [Subs], affiliate: true,
            [.. Placeholders.Subscription, "total", "cumulative_total"]),
        Row(EventKeys.SubscriptionEnd, "Subscriptions", "Subscription ended", EventCategory.Monetization,
            "channel.subscription.end", "1", [Subs], affiliate: true, Placeholders.Subscription),
        Row(EventKeys.SubscriptionMessage, "Subscriptions", "Resubscription", EventCategory.Monetization,
            "channel.subscription.message", "1", [Subs], affiliate: true,
            [.. Placeholders.Subscription, "months", "streak", "duration_months", "message"]),
        Row(EventKeys.GoalBegin, "Goals", "Goal started", EventCategory.Engagement, "channel.goal.begin", "1",
            [Goals], affiliate: true, Placeholders.Goal),
        Row(EventKeys.GoalProgress, "Goals", "Goal progress", EventCategory.Engagement, "channel.goal.progress",
            "1", [Goals], affiliate: true, Placeholders.Goal),
        Row(EventKeys.GoalEnd, "Goals", "Goal ended", EventCategory.Engagement, "channel.goal.end", "1",
            [Goals], affiliate: true, [.. Placeholders.Goal, "achieved"]),
        Row(EventKeys.HypeTrainBegin, "Hype Train", "Hype Train started", EventCategory.Monetization,
            "channel.hype_train.begin", "2", [HypeTrain], affiliate: true, Placeholders.HypeTrain),
        Row(EventKeys.HypeTrainProgress, "Hype Train", "Hype Train progress", EventCategory.Monetization,
            "channel.hype_train.progress", "2", [HypeTrain], affiliate: true, Placeholders.HypeTrain),
        Row(EventKeys.HypeTrainEnd, "Hype Train", "Hype Train ended", EventCategory.Monetization,
            "channel.hype_train.end", "2", [HypeTrain], affiliate: true, Placeholders.HypeTrainEnd),

        // The product sells VIP alerts to affiliates and partners only, but Twitch itself gates VIP slots on the
        // "Build a Community" achievement, not on broadcaster_type (catalog.json, channel.vip.add notes).
        Row(EventKeys.VipAdd, "VIP status", "VIP added", EventCategory.Community, "channel.vip.add", "1",
            [Vips], affiliate: true, Placeholders.User),
        Row(EventKeys.VipRemove, "VIP status", "VIP removed", EventCategory.Community, "channel.vip.remove", "1",
            [Vips], affiliate: true, Placeholders.User),
        Row(EventKeys.StreamOnline, "Stream", "Stream went live", EventCategory.Stream, "stream.online", "1",
            [], affiliate: false, ["stream_type", "title", "category"]),
        Row(EventKeys.StreamOffline, "Stream", "Stream went offline", EventCategory.Stream, "stream.offline", "1",
            [], affiliate: false, []),
        Row(EventKeys.ChannelUpdate, "Stream", "Channel updated", EventCategory.Stream, "channel.update", "2",
            [], affiliate: false, ["title", "category", "language"]),
    ];

    private static EventDefinition ModerateRow(string key, string displayName, string[] placeholders) =>
        Row(key, "Moderation", displayName, EventCategory.Moderation, Moderate.Type, Moderate.Version,
            ModerateScopes, affiliate: false, placeholders);

    // Custom rewards and Twitch's built-in rewards arrive on two different types; one key covers both.
    private static EventDefinition Redemption()
    {
        var custom = Row(EventKeys.Redemption, "Channel Points", "Reward redeemed", EventCategory.Engagement,
            "channel.channel_points_custom_reward_redemption.add", "1", [Redemptions], affiliate: true,
            [.. Placeholders.User, "reward", "cost", "input"]);
        var automatic = new EventSubType("channel.channel_points_automatic_reward_redemption.add", "2");
        return custom with { Subscriptions = [.. custom.Subscriptions, automatic] };
    }

    private static EventDefinition Row(
        string key,
        string group,
        string displayName,
        EventCategory category,
        string type,
        string version,
        string[] scopes,
        bool affiliate,
        string[] placeholders) =>
        new(
            key,
            group,
            displayName,
            category,
            type,
            version,
            scopes,
            affiliate,
            [.. Placeholders.Common, .. placeholders],
            [new EventSubType(type, version)]);
}
