namespace TwitchRelay.Alerts;

/// <summary>A realistic alert per event key, for the dashboard's preview and "send test alert". Built by parsing
/// small sample bodies through <see cref="NotificationParser"/>, so a preview shows exactly what a real event
/// would.</summary>
public static class SampleEvents
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 19, 21, 7, TimeSpan.Zero);

    /// <summary>The sample alert for <paramref name="eventKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is not in the catalog.</exception>
    public static AlertEvent For(string eventKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        if (!SampleBodies.ByKey.TryGetValue(eventKey, out var sample))
        {
            throw new ArgumentException($"Unknown event key '{eventKey}'.", nameof(eventKey));
        }

        var subscription = $$"""{"type":"{{sample.Type}}","version":"{{sample.Version}}"}""";
        var body = $$"""{"subscription":{{subscription}},"event":{{sample.Event}}}""";
        var result = NotificationParser.Parse(sample.Type, sample.Version, body, Now);
        return result.Outcome == ParseOutcome.Events
            ? result.Events[0]
            : throw new InvalidOperationException($"The sample for '{eventKey}' did not parse: {result.Reason}");
    }
}
