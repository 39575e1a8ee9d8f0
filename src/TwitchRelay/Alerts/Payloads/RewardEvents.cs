using System.Text.Json.Serialization;

namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.channel_points_custom_reward_redemption.add</c> and <c>.update</c> v1. Status is
/// unfulfilled, fulfilled, canceled or unknown; <see cref="UserInput"/> is empty when the reward takes none.</summary>
public sealed record CustomRewardRedemptionEvent : UserChannelEvent
{
    public string? Id { get; init; }

    public string? UserInput { get; init; }

    public string? Status { get; init; }

    public RedeemedReward? Reward { get; init; }

    public DateTimeOffset? RedeemedAt { get; init; }
}

public sealed record RedeemedReward
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public int Cost { get; init; }

    public string? Prompt { get; init; }
}

/// <summary><c>channel.channel_points_automatic_reward_redemption.add</c> v2: one of Twitch's built-in rewards
/// (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#automatic-reward-redemption-add-v2-event).</summary>
public sealed record AutomaticRewardRedemptionEvent : UserChannelEvent
{
    public string? Id { get; init; }

    public AutomaticReward? Reward { get; init; }

    public RedemptionMessage? Message { get; init; }

    public DateTimeOffset? RedeemedAt { get; init; }
}

public sealed record AutomaticReward
{
    /// <summary>e.g. <c>send_highlighted_message</c>, <c>random_sub_emote_unlock</c>.</summary>
    public string? Type { get; init; }

    public int ChannelPoints { get; init; }

    public FragmentEmote? Emote { get; init; }
}

public sealed record RedemptionMessage
{
    public string? Text { get; init; }

    public IReadOnlyList<BitsMessageFragment>? Fragments { get; init; }
}

/// <summary><c>channel.channel_points_custom_reward.add</c>, <c>.update</c> and <c>.remove</c> v1: the reward
/// itself. Parsed, not alerted (reward management is not a product event).</summary>
public sealed record CustomRewardEvent : ChannelEvent
{
    public string? Id { get; init; }

    public bool IsEnabled { get; init; }

    public bool IsPaused { get; init; }

    public bool IsInStock { get; init; }

    public string? Title { get; init; }

    public int Cost { get; init; }

    public string? Prompt { get; init; }

    public bool IsUserInputRequired { get; init; }

    public bool ShouldRedemptionsSkipRequestQueue { get; init; }

    public DateTimeOffset? CooldownExpiresAt { get; init; }

    public int? RedemptionsRedeemedCurrentStream { get; init; }

    public RewardLimit? MaxPerStream { get; init; }

    public RewardLimit? MaxPerUserPerStream { get; init; }

    public RewardCooldown? GlobalCooldown { get; init; }

    public string? BackgroundColor { get; init; }

    /// <summary>Null when the reward uses the default image.</summary>
    public RewardImage? Image { get; init; }

    public RewardImage? DefaultImage { get; init; }
}

public sealed record RewardLimit
{
    public bool IsEnabled { get; init; }

    public int Value { get; init; }
}

public sealed record RewardCooldown
{
    public bool IsEnabled { get; init; }

    public int Seconds { get; init; }
}

public sealed record RewardImage
{
    [JsonPropertyName("url_1x")]
    public string? Url1X { get; init; }

    [JsonPropertyName("url_2x")]
    public string? Url2X { get; init; }

    [JsonPropertyName("url_4x")]
    public string? Url4X { get; init; }
}
