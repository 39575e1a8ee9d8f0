namespace TwitchRelay.Twitch.Helix;

/// <summary>An EventSub subscription as Get EventSub Subscriptions or Create EventSub Subscription return it.
/// https://dev.twitch.tv/docs/api/reference/#get-eventsub-subscriptions</summary>
public sealed record EventSubSubscriptionInfo(
    string Id,
    string Status,
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Condition,
    string TransportMethod,
    string? SessionId,
    string? Callback,
    int Cost,
    DateTimeOffset CreatedAt);

/// <summary>What to subscribe to. https://dev.twitch.tv/docs/api/reference/#create-eventsub-subscription</summary>
public sealed record EventSubSubscriptionRequest(
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Condition,
    EventSubTransportRequest Transport);

/// <summary>Where Twitch should send notifications: <c>webhook</c> (callback and secret, app token),
/// <c>websocket</c> (session id, user token). ToString never shows the secret.</summary>
public sealed record EventSubTransportRequest(
    string Method,
    string? Callback = null,
    string? Secret = null,
    string? SessionId = null)
{
    public override string ToString() =>
        $"EventSubTransportRequest {{ Method = {Method}, Callback = {Callback}, "
        + $"Secret = {(Secret is null ? "none" : "***")}, SessionId = {SessionId} }}";
}

/// <summary>Every subscription the token can see (all pages), with the cost totals of the last page.</summary>
public sealed record EventSubSubscriptionList(
    IReadOnlyList<EventSubSubscriptionInfo> Subscriptions,
    int Total,
    int TotalCost,
    int MaxTotalCost);

/// <summary>How a create ended. <see cref="AlreadyExists"/> is Twitch's 409: the same subscription exists, which is
/// what the caller wanted. https://dev.twitch.tv/docs/api/reference/#create-eventsub-subscription</summary>
public enum EventSubCreateOutcome
{
    Created,
    AlreadyExists,
}

/// <summary>What creating a subscription gave: created or already there, the subscription when Twitch returned
/// it, and the cost so far against the limit.</summary>
public sealed record EventSubCreated(
    EventSubCreateOutcome Outcome,
    EventSubSubscriptionInfo? Subscription,
    int TotalCost,
    int MaxTotalCost);
