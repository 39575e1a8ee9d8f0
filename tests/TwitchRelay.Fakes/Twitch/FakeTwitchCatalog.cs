namespace TwitchRelay.Fakes.Twitch;

/// <summary>One EventSub type at one version as the fake accepts it: condition keys (all of
/// <see cref="Required"/>, exactly one of <see cref="OneOf"/> when it is not empty, any of <see cref="Optional"/>),
/// and scope groups the authorizing user must have granted (one scope of EACH group).</summary>
public sealed record FakeTwitchEventType(
    string Type,
    string Version,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> OneOf,
    IReadOnlyList<string> Optional,
    IReadOnlyList<IReadOnlyList<string>> ScopeGroups,
    bool WebSocket)
{
    public bool NeedsAuthorization => ScopeGroups.Count > 0;

    public bool IsSatisfiedBy(IReadOnlyCollection<string> granted) =>
        ScopeGroups.All(group => group.Any(granted.Contains));
}

/// <summary>The subscription types the fake knows, copied from the shared catalog.json (a test checks them against
/// TwitchRelay.Alerts.EventCatalog). Versions Twitch removed (channel.follow v1, hype train v1) are absent, so
/// creating them fails as on Twitch. Scopes: space between groups, '|' between alternatives; channel.moderate v2
/// needs one of every group. https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/</summary>
public static class FakeTwitchCatalog
{
    public static IReadOnlyList<FakeTwitchEventType> Types { get; } =
    [
        Row("channel.follow", "2", "broadcaster_user_id moderator_user_id", "moderator:read:followers"),
        Row("channel.raid", "1", "", "", oneOf: "to_broadcaster_user_id from_broadcaster_user_id"),
        Row("channel.moderator.add", "1", "broadcaster_user_id", "moderation:read|channel:manage:moderators"),
        Row("channel.moderator.remove", "1", "broadcaster_user_id", "moderation:read|channel:manage:moderators"),
        Row(
            "channel.moderate",
            "2",
            "broadcaster_user_id moderator_user_id",
            "moderator:read:blocked_terms|moderator:manage:blocked_terms "
            + "moderator:read:chat_settings|moderator:manage:chat_settings "
            + "moderator:read:unban_requests|moderator:manage:unban_requests "
            + "moderator:read:banned_users|moderator:manage:banned_users "
            + "moderator:read:chat_messages|moderator:manage:chat_messages "
            + "moderator:read:warnings|moderator:manage:warnings moderator:read:moderators "
            + "moderator:read:vips"),
        Row("channel.ban", "1", "broadcaster_user_id", "channel:moderate"),
        Row("channel.unban", "1", "broadcaster_user_id", "channel:moderate"),
        Row(
            "channel.warning.send",
            "1",
            "broadcaster_user_id moderator_user_id",
            "moderator:read:warnings|moderator:manage:warnings"),
        Row(
            "channel.warning.acknowledge",
            "1",
            "broadcaster_user_id moderator_user_id",
            "moderator:read:warnings|moderator:manage:warnings"),
        Row("channel.vip.add", "1", "broadcaster_user_id", "channel:read:vips|channel:manage:vips"),
        Row("channel.vip.remove", "1", "broadcaster_user_id", "channel:read:vips|channel:manage:vips"),
        Row("stream.online", "1", "broadcaster_user_id", ""),
        Row("stream.offline", "1", "broadcaster_user_id", ""),
        Row("channel.update", "2", "broadcaster_user_id", ""),
        Row("user.authorization.revoke", "1", "client_id", "", webSocket: false),
        Row("user.authorization.grant", "1", "client_id", "", webSocket: false),
        Row("user.update", "1", "user_id", ""),
        Row("conduit.shard.disabled", "1", "client_id", "", optional: "conduit_id"),
        Row("channel.cheer", "1", "broadcaster_user_id", "bits:read"),
        Row("channel.bits.use", "1", "broadcaster_user_id", "bits:read"),
        Row("channel.poll.begin", "1", "broadcaster_user_id", "channel:read:polls|channel:manage:polls"),
        Row("channel.poll.progress", "1", "broadcaster_user_id", "channel:read:polls|channel:manage:polls"),
        Row("channel.poll.end", "1", "broadcaster_user_id", "channel:read:polls|channel:manage:polls"),
        Row(
            "channel.prediction.begin",
            "1",
            "broadcaster_user_id",
            "channel:read:predictions|channel:manage:predictions"),
        Row(
            "channel.prediction.progress",
            "1",
            "broadcaster_user_id",
            "channel:read:predictions|channel:manage:predictions"),
        Row(
            "channel.prediction.lock",
            "1",
            "broadcaster_user_id",
            "channel:read:predictions|channel:manage:predictions"),
        Row(
            "channel.prediction.end",
            "1",
            "broadcaster_user_id",
            "channel:read:predictions|channel:manage:predictions"),
        Row(
            "channel.channel_points_custom_reward_redemption.add",
            "1",
            "broadcaster_user_id",
            "channel:read:redemptions|channel:manage:redemptions",
            optional: "reward_id"),
        Row(
            "channel.channel_points_custom_reward_redemption.update",
            "1",
            "broadcaster_user_id",
            "channel:read:redemptions|channel:manage:redemptions",
            optional: "reward_id"),
        Row(
            "channel.channel_points_automatic_reward_redemption.add",
            "2",
            "broadcaster_user_id",
            "channel:read:redemptions|channel:manage:redemptions"),
        Row(
            "channel.channel_points_custom_reward.add",
            "1",
            "broadcaster_user_id",
            "channel:read:redemptions|channel:manage:redemptions"),
        Row(
            "channel.channel_points_custom_reward.update",
            "1",
            "broadcaster_user_id",
            "channel:read:redemptions|channel:manage:redemptions",
            optional: "reward_id"),
        Row(
            "channel.channel_points_custom_reward.remove",
            "1",
            "broadcaster_user_id",
            "channel:read:redemptions|channel:manage:redemptions",
            optional: "reward_id"),
        Row("channel.subscribe", "1", "broadcaster_user_id", "channel:read:subscriptions"),
        Row("channel.subscription.gift", "1", "broadcaster_user_id", "channel:read:subscriptions"),
        Row("channel.subscription.end", "1", "broadcaster_user_id", "channel:read:subscriptions"),
        Row("channel.subscription.message", "1", "broadcaster_user_id", "channel:read:subscriptions"),
        Row("channel.goal.begin", "1", "broadcaster_user_id", "channel:read:goals"),
        Row("channel.goal.progress", "1", "broadcaster_user_id", "channel:read:goals"),
        Row("channel.goal.end", "1", "broadcaster_user_id", "channel:read:goals"),
        Row("channel.hype_train.begin", "2", "broadcaster_user_id", "channel:read:hype_train"),
        Row("channel.hype_train.progress", "2", "broadcaster_user_id", "channel:read:hype_train"),
        Row("channel.hype_train.end", "2", "broadcaster_user_id", "channel:read:hype_train"),
    ];

    public static FakeTwitchEventType? Find(string type, string version) =>
        Types.FirstOrDefault(t => t.Type == type && t.Version == version);

    private static FakeTwitchEventType Row(
        string type,
        string version,
        string required,
        string scopes,
        string oneOf = "",
        string optional = "",
        bool webSocket = true) =>
        new(
            type,
            version,
            Words(required),
            Words(oneOf),
            Words(optional),
            [.. Words(scopes).Select(group => (IReadOnlyList<string>)group.Split('|'))],
            webSocket);

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
