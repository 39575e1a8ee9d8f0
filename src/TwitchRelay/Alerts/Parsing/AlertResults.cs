using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>Builds parse results from typed events, checking what an alert cannot do without.</summary>
internal static class AlertResults
{
    public static ParseResult For(
        string eventKey,
        ChannelEvent twitchEvent,
        DateTimeOffset occurredAt,
        AlertThread? thread = null) =>
        For(
            eventKey,
            twitchEvent.BroadcasterUserId,
            twitchEvent.BroadcasterUserLogin,
            twitchEvent.BroadcasterUserName,
            occurredAt,
            thread,
            twitchEvent);

    public static ParseResult For(
        string eventKey,
        string? broadcasterId,
        string? broadcasterLogin,
        string? broadcasterName,
        DateTimeOffset occurredAt,
        AlertThread? thread,
        ITwitchEvent payload)
    {
        // Without the broadcaster id no rule can be found for the alert.
        if (string.IsNullOrEmpty(broadcasterId))
        {
            return ParseResult.Malformed($"{eventKey}: the event has no broadcaster user id.");
        }

        var login = broadcasterLogin ?? string.Empty;
        var name = string.IsNullOrEmpty(broadcasterName) ? login : broadcasterName;
        var alert = new AlertEvent(eventKey, broadcasterId, login, name, occurredAt, thread, payload);
        return ParseResult.Of(alert);
    }

    /// <summary>A thread for an event that edits one message, or none when Twitch sent no id to group by.</summary>
    public static AlertThread? Thread(string prefix, string? id, int stage) =>
        string.IsNullOrEmpty(id) ? null : new AlertThread($"{prefix}:{id}", stage);
}
