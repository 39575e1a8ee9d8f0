namespace TwitchRelay.Alerts;

/// <summary>What the product knows about one event key: where it comes from on Twitch and what a template may use.
/// </summary>
/// <param name="Key">The event key, e.g. <c>timeout.remove</c>.</param>
/// <param name="Group">The dashboard group the key is listed under, e.g. <c>Moderation</c>.</param>
/// <param name="DisplayName">A short human name, e.g. <c>Timeout removed</c>.</param>
/// <param name="Category">Decides the embed colour.</param>
/// <param name="SubscriptionType">The main EventSub type that produces this key.</param>
/// <param name="SubscriptionVersion">The version of <paramref name="SubscriptionType"/> we subscribe to.</param>
/// <param name="Scopes">Read-only OAuth scopes the streamer must grant (all of them).</param>
/// <param name="RequiresAffiliate">True when the product offers the key to affiliates and partners only.</param>
/// <param name="Placeholders">Names usable as <c>{name}</c> in a template for this key.</param>
/// <param name="Subscriptions">Every EventSub type this key needs; more than one for <c>redemption</c>.</param>
public sealed record EventDefinition(
    string Key,
    string Group,
    string DisplayName,
    EventCategory Category,
    string SubscriptionType,
    string SubscriptionVersion,
    IReadOnlyList<string> Scopes,
    bool RequiresAffiliate,
    IReadOnlyList<string> Placeholders,
    IReadOnlyList<EventSubType> Subscriptions);
