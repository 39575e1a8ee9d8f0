namespace TwitchRelay.Alerts.Payloads;

/// <summary><c>channel.cheer</c> v1. When <see cref="IsAnonymous"/> the user fields are null.</summary>
public sealed record ChannelCheerEvent : UserChannelEvent
{
    public bool IsAnonymous { get; init; }

    public string? Message { get; init; }

    public int Bits { get; init; }
}

/// <summary><c>channel.subscribe</c> and <c>channel.subscription.end</c> v1 (same shape).
/// Tier is <c>1000</c>, <c>2000</c> or <c>3000</c>; Twitch reports Prime as <c>1000</c>.</summary>
public sealed record ChannelSubscriptionEvent : UserChannelEvent
{
    public string? Tier { get; init; }

    public bool IsGift { get; init; }

    /// <summary>Not sent by EventSub's subscribe today (chat notifications carry it); honoured when present.
    /// </summary>
    public bool? IsPrime { get; init; }
}

/// <summary><c>channel.subscription.gift</c> v1. Anonymous gifts have null user fields and
/// <see cref="CumulativeTotal"/>.</summary>
public sealed record ChannelSubscriptionGiftEvent : UserChannelEvent
{
    public int Total { get; init; }

    public string? Tier { get; init; }

    public int? CumulativeTotal { get; init; }

    public bool IsAnonymous { get; init; }
}

/// <summary><c>channel.subscription.message</c> v1: a resub the viewer shared in chat.</summary>
public sealed record ChannelSubscriptionMessageEvent : UserChannelEvent
{
    public string? Tier { get; init; }

    public bool? IsPrime { get; init; }

    public SubscriptionMessage? Message { get; init; }

    public int CumulativeMonths { get; init; }

    /// <summary>Null when the viewer chose not to share their streak.</summary>
    public int? StreakMonths { get; init; }

    public int DurationMonths { get; init; }
}

/// <summary>A resub message; emote end indexes are inclusive.</summary>
public sealed record SubscriptionMessage
{
    public string? Text { get; init; }

    public IReadOnlyList<SubscriptionEmote>? Emotes { get; init; }
}

public sealed record SubscriptionEmote
{
    public int Begin { get; init; }

    public int End { get; init; }

    public string? Id { get; init; }
}

/// <summary><c>channel.bits.use</c> v1: any use of Bits (cheers, Power-ups). Parsed but not alerted: cheers already
/// come through <c>channel.cheer</c>.</summary>
public sealed record ChannelBitsUseEvent : UserChannelEvent
{
    public int Bits { get; init; }

    public string? Type { get; init; }

    public BitsMessage? Message { get; init; }

    public BitsPowerUp? PowerUp { get; init; }
}

public sealed record BitsMessage
{
    public string? Text { get; init; }

    public IReadOnlyList<BitsMessageFragment>? Fragments { get; init; }
}

public sealed record BitsMessageFragment
{
    public string? Type { get; init; }

    public string? Text { get; init; }

    public Cheermote? Cheermote { get; init; }

    public FragmentEmote? Emote { get; init; }
}

public sealed record Cheermote
{
    public string? Prefix { get; init; }

    public int Bits { get; init; }

    public int Tier { get; init; }
}

public sealed record FragmentEmote
{
    public string? Id { get; init; }

    public string? EmoteSetId { get; init; }
}

public sealed record BitsPowerUp
{
    public string? Type { get; init; }

    public FragmentEmote? Emote { get; init; }

    public string? MessageEffectId { get; init; }
}
