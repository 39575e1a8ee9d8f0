using Microsoft.Extensions.Logging;

namespace TwitchRelay.Twitch.Helix;

/// <summary>Log events of the Helix client: method, path and status. The query (ids, logins, cursors) and the
/// headers are left out, and bodies are never logged: a create body carries the webhook secret.</summary>
internal static partial class HelixLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Twitch Helix {Method} {Path}")]
    public static partial void Sending(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Twitch Helix {Method} {Path} answered {Status}")]
    public static partial void Answered(ILogger logger, string method, string path, int status);

    [LoggerMessage(
        EventId = 3102,
        Level = LogLevel.Warning,
        Message = "Twitch Helix rate limited {Method} {Path}; retrying once in {WaitMs} ms")]
    public static partial void RateLimited(ILogger logger, string method, string path, long waitMs);

    [LoggerMessage(
        EventId = 3103,
        Level = LogLevel.Warning,
        Message = "Twitch Helix {Method} {Path} failed with {Status}: {Message}")]
    public static partial void Failed(ILogger logger, string method, string path, int status, string message);

    [LoggerMessage(
        EventId = 3104,
        Level = LogLevel.Warning,
        Message = "Twitch EventSub subscriptions cost {TotalCost} of {MaxTotalCost}")]
    public static partial void CostNearLimit(ILogger logger, int totalCost, int maxTotalCost);

    [LoggerMessage(
        EventId = 3105,
        Level = LogLevel.Debug,
        Message = "Twitch EventSub subscription {Type} v{Version} ({Method}): {Outcome}")]
    public static partial void Created(ILogger logger, string type, string version, string method, string outcome);
}
