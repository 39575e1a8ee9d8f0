namespace TwitchRelay.Alerts;

/// <summary>Every event key the product offers, with its EventSub source, scopes and affiliate gating.
/// Types, versions and scopes follow https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/ as
/// summarised in the shared catalog.json.</summary>
public static class EventCatalog
{
    // Declared before ByKey: static initializers run in text order.
    private static readonly EventDefinition[] Entries = EventCatalogEntries.Build();

    private static readonly Dictionary<string, EventDefinition> ByKey =
        Entries.ToDictionary(d => d.Key, StringComparer.Ordinal);

    /// <summary>All definitions, in dashboard order.</summary>
    public static IReadOnlyList<EventDefinition> All => Entries;

    /// <summary>The definition of <paramref name="key"/>, or null when no such key exists.</summary>
    public static EventDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The distinct EventSub (type, version) pairs needed for the given keys, in first-seen order.</summary>
    /// <exception cref="ArgumentException">A key is not in the catalog.</exception>
    public static IReadOnlyList<EventSubType> SubscriptionsFor(IEnumerable<string> eventKeys)
    {
        ArgumentNullException.ThrowIfNull(eventKeys);

        var result = new List<EventSubType>();
        foreach (var key in eventKeys)
        {
            var definition = Find(key) ?? throw new ArgumentException($"Unknown event key '{key}'.", nameof(eventKeys));
            result.AddRange(definition.Subscriptions.Where(s => !result.Contains(s)));
        }

        return result;
    }

    /// <summary>The distinct OAuth scopes the given keys need, in first-seen order.</summary>
    /// <exception cref="ArgumentException">A key is not in the catalog.</exception>
    public static IReadOnlyList<string> ScopesFor(IEnumerable<string> eventKeys)
    {
        ArgumentNullException.ThrowIfNull(eventKeys);

        var result = new List<string>();
        foreach (var key in eventKeys)
        {
            var definition = Find(key) ?? throw new ArgumentException($"Unknown event key '{key}'.", nameof(eventKeys));
            result.AddRange(definition.Scopes.Where(s => !result.Contains(s, StringComparer.Ordinal)));
        }

        return result;
    }
}
