using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>Maps channel.moderate v2 and the legacy channel.ban / channel.unban v1 to ban, timeout, unban and
/// timeout.remove. channel.moderate is the recommended source: read-only scopes, and it reports "untimeout", which
/// channel.unban does not reliably do (https://github.com/twitchdev/issues/issues/1123).</summary>
internal static class ModerationMappings
{
    private static readonly Dictionary<string, (string Key, Func<ChannelModerateEvent, ModerationTarget?> Target)>
        Actions = new(StringComparer.Ordinal)
        {
            ["ban"] = (EventKeys.Ban, e => e.Ban),
            ["timeout"] = (EventKeys.Timeout, e => e.Timeout),
            ["unban"] = (EventKeys.Unban, e => e.Unban),
            ["untimeout"] = (EventKeys.TimeoutRemove, e => e.Untimeout),
        };

    // https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-moderate-event-data
    public static ParseResult Moderate(ChannelModerateEvent e, DateTimeOffset at)
    {
        var action = e.Action ?? string.Empty;

        // shared_chat_* actions were taken in another channel of a shared-chat session; that channel alerts them.
        if (action.StartsWith("shared_chat_", StringComparison.Ordinal))
        {
            var source = e.SourceBroadcasterUserLogin ?? "another channel";
            return ParseResult.Ignored($"channel.moderate '{action}' happened in {source}, not in this channel.");
        }

        if (!Actions.TryGetValue(action, out var mapping))
        {
            return ParseResult.Ignored($"channel.moderate action '{action}' is not an alert.");
        }

        if (mapping.Target(e) is null)
        {
            return ParseResult.Malformed($"channel.moderate action '{action}' came without its '{action}' object.");
        }

        return AlertResults.For(mapping.Key, e, at);
    }

    // https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-ban-event
    public static ParseResult Ban(ChannelBanEvent e, DateTimeOffset at) =>
        AlertResults.For(e.IsPermanent ? EventKeys.Ban : EventKeys.Timeout, e, e.BannedAt ?? at);
}
