using TwitchRelay.Alerts;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Twitch.Subscriptions;

/// <summary>One EventSub subscription the service wants: type, version and condition.</summary>
public sealed record DesiredSubscription(string Type, string Version, IReadOnlyDictionary<string, string> Condition)
{
    public bool Matches(string type, string version, IReadOnlyDictionary<string, string> condition) =>
        type == Type && version == Version
        && Condition.All(pair => condition.TryGetValue(pair.Key, out var value) && value == pair.Value);
}

/// <summary>From the enabled rules of the guilds linked to an account, and its type, to the subscriptions it needs.
/// Conditions follow catalog.json: types that report moderation (and follows) need a moderator who authorized the
/// app, which is the streamer themself. https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/</summary>
public static class DesiredSubscriptions
{
    private static readonly HashSet<string> NeedModerator = new(StringComparer.Ordinal)
    {
        "channel.follow", "channel.moderate", "channel.warning.send", "channel.warning.acknowledge",
    };

    /// <summary>The subscriptions for <paramref name="enabledKeys"/>; affiliate-only keys are left out for a regular
    /// account (Twitch would refuse them, and config import already refuses to enable them).</summary>
    public static IReadOnlyList<DesiredSubscription> For(TwitchAccount account, IEnumerable<string> enabledKeys)
    {
        var isMonetized = account.BroadcasterType is "affiliate" or "partner";
        var keys = enabledKeys
            .Distinct(StringComparer.Ordinal)
            .Select(EventCatalog.Find)
            .OfType<EventDefinition>()
            .Where(x => isMonetized || !x.RequiresAffiliate)
            .Select(x => x.Key);
        return EventCatalog.SubscriptionsFor(keys)
            .Select(x => new DesiredSubscription(x.Type, x.Version, ConditionFor(x.Type, account.UserId)))
            .ToList();
    }

    /// <summary>Roles follow Twitch's events, not alert rules: a guild with subscriber roles needs the subscription
    /// events and one with a live role the stream events, even when it posts no alert for them.</summary>
    public static IEnumerable<string> KeysForRoles(IEnumerable<GuildLink> links)
    {
        var list = links.ToList();
        if (list.Any(l => l.HasSubscriberRoles))
        {
            // channel.subscribe (gift recipients included), channel.subscription.message and .end.
            yield return EventKeys.SubscriptionNew;
            yield return EventKeys.SubscriptionMessage;
            yield return EventKeys.SubscriptionEnd;
        }

        if (list.Any(l => l.LiveRoleId is not null))
        {
            yield return EventKeys.StreamOnline;
            yield return EventKeys.StreamOffline;
        }
    }

    /// <summary>Go-live posts of followed channels: the three stream types for each channel. They need no
    /// authorization from the channel and cost 1 each (0 only when that channel has authorized the client), which
    /// counts against a WebSocket token's max_total_cost of 10.
    /// https://dev.twitch.tv/docs/eventsub/manage-subscriptions/#subscription-limits</summary>
    public static IReadOnlyList<DesiredSubscription> ForFollowed(IEnumerable<string> broadcasterIds) =>
    [
        .. broadcasterIds.Distinct(StringComparer.Ordinal).SelectMany(id => EventCatalog
            .SubscriptionsFor([EventKeys.StreamOnline, EventKeys.StreamOffline, EventKeys.ChannelUpdate])
            .Select(x => new DesiredSubscription(x.Type, x.Version, ConditionFor(x.Type, id)))),
    ];

    private static Dictionary<string, string> ConditionFor(string type, string broadcasterId)
    {
        if (type == "channel.raid")
        {
            return new() { ["to_broadcaster_user_id"] = broadcasterId };
        }

        var condition = new Dictionary<string, string> { ["broadcaster_user_id"] = broadcasterId };
        if (NeedModerator.Contains(type))
        {
            condition["moderator_user_id"] = broadcasterId;
        }

        return condition;
    }
}
