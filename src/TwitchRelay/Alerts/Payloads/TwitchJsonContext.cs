using System.Text.Json.Serialization;

namespace TwitchRelay.Alerts.Payloads;

/// <summary>Source-generated metadata for every EventSub body we read. Twitch's JSON is snake_case and gains
/// fields without a version bump, so unknown members are skipped (the default).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters =
    [
        typeof(NullAsZeroInt32Converter),
        typeof(NullAsZeroInt64Converter),
        typeof(NullAsFalseBooleanConverter),
    ])]
[JsonSerializable(typeof(EventSubNotification<ChannelFollowEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelRaidEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelModeratorEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelVipEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelWarningSendEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelWarningAcknowledgeEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelModerateEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelBanEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelUnbanEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelCheerEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelBitsUseEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelSubscriptionEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelSubscriptionGiftEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelSubscriptionMessageEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelPollEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelPredictionEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelGoalEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelHypeTrainEvent>))]
[JsonSerializable(typeof(EventSubNotification<CustomRewardRedemptionEvent>))]
[JsonSerializable(typeof(EventSubNotification<AutomaticRewardRedemptionEvent>))]
[JsonSerializable(typeof(EventSubNotification<CustomRewardEvent>))]
[JsonSerializable(typeof(EventSubNotification<StreamOnlineEvent>))]
[JsonSerializable(typeof(EventSubNotification<StreamOfflineEvent>))]
[JsonSerializable(typeof(EventSubNotification<ChannelUpdateEvent>))]
[JsonSerializable(typeof(EventSubNotification<UserAuthorizationEvent>))]
[JsonSerializable(typeof(EventSubNotification<UserUpdateEvent>))]
[JsonSerializable(typeof(EventSubNotification<ConduitShardDisabledEvent>))]
internal sealed partial class TwitchJsonContext : JsonSerializerContext;
