using Microsoft.Extensions.Logging;

namespace TwitchRelay.Discord;

/// <summary>Log events of the REST client. Only route templates and ids are logged: never a bot token, a webhook
/// token or a webhook URL.</summary>
internal static partial class DiscordRestLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Discord {Method} {Route} for {MajorId}")]
    public static partial void Sending(ILogger logger, string method, string route, string majorId);

    [LoggerMessage(
        EventId = 2001,
        Level = LogLevel.Warning,
        Message = "Discord rate limited {Method} {Route} for {MajorId} (global: {Global}, scope: {Scope}); "
            + "retrying in {RetryAfterMs} ms, attempt {Attempt}")]
    public static partial void RateLimited(
        ILogger logger,
        string method,
        string route,
        string majorId,
        bool global,
        string? scope,
        long retryAfterMs,
        int attempt);

    [LoggerMessage(
        EventId = 2002,
        Level = LogLevel.Warning,
        Message = "Discord {Method} {Route} for {MajorId} handed back for a retry in {RetryAfterMs} ms: {Reason}")]
    public static partial void RetryLater(
        ILogger logger,
        string method,
        string route,
        string majorId,
        long retryAfterMs,
        string reason,
        Exception? exception);

    [LoggerMessage(
        EventId = 2003,
        Level = LogLevel.Warning,
        Message = "Discord {Route} failed transiently ({Outcome}); retry {Attempt} in {DelayMs} ms")]
    public static partial void TransientRetry(
        ILogger logger,
        string route,
        string outcome,
        int attempt,
        long delayMs,
        Exception? exception);

    [LoggerMessage(
        EventId = 2004,
        Level = LogLevel.Error,
        Message = "Discord {Method} {Route} for {MajorId} failed with {Status}/{Code}: {Reason}")]
    public static partial void Failed(
        ILogger logger,
        string method,
        string route,
        string majorId,
        int? status,
        int? code,
        string reason);

    [LoggerMessage(
        EventId = 2005,
        Level = LogLevel.Error,
        Message = "Discord refused the bot token (401); bot calls stop until the token is replaced and the service "
            + "restarted")]
    public static partial void BotTokenRejected(ILogger logger);
}
