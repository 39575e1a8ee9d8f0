namespace TwitchRelay.Alerts.Payloads;

/// <summary>A notification body: <c>{subscription, event}</c>, the same for webhooks, WebSocket and conduits
/// (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#processing-an-event).</summary>
public sealed record EventSubNotification<TEvent>
    where TEvent : ITwitchEvent
{
    public EventSubSubscription? Subscription { get; init; }

    public TEvent? Event { get; init; }
}

/// <summary>The subscription a notification belongs to.</summary>
public sealed record EventSubSubscription
{
    public string? Id { get; init; }

    public string? Status { get; init; }

    public string? Type { get; init; }

    public string? Version { get; init; }

    public int Cost { get; init; }

    /// <summary>Condition keys differ per type and Twitch may echo optional ones, so they stay a map.</summary>
    public IReadOnlyDictionary<string, string?>? Condition { get; init; }

    public EventSubTransport? Transport { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>A subscription's or shard's transport; which fields are set depends on <see cref="Method"/>.</summary>
public sealed record EventSubTransport
{
    public string? Method { get; init; }

    public string? Callback { get; init; }

    public string? SessionId { get; init; }

    public string? ConduitId { get; init; }

    public DateTimeOffset? ConnectedAt { get; init; }

    public DateTimeOffset? DisconnectedAt { get; init; }
}
