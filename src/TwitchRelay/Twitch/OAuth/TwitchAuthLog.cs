using Microsoft.Extensions.Logging;

namespace TwitchRelay.Twitch.OAuth;

/// <summary>Log events of the OAuth client. Only endpoint names, grant types and statuses: never a token, a refresh
/// token, an authorization code or the client secret.</summary>
internal static partial class TwitchAuthLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Twitch OAuth {Method} {Endpoint} ({Grant})")]
    public static partial void Sending(ILogger logger, string method, string endpoint, string grant);

    [LoggerMessage(
        EventId = 3001,
        Level = LogLevel.Debug,
        Message = "Twitch OAuth issued a {Grant} token for {Scopes} scopes, expiring in {ExpiresInSeconds} s")]
    public static partial void Issued(ILogger logger, string grant, int scopes, long expiresInSeconds);

    [LoggerMessage(
        EventId = 3002,
        Level = LogLevel.Warning,
        Message = "Twitch OAuth refused the {Grant} request with {Status}: {Message}")]
    public static partial void Refused(ILogger logger, string grant, int status, string message);

    [LoggerMessage(
        EventId = 3003,
        Level = LogLevel.Debug,
        Message = "Twitch OAuth validated a token of user {UserId}, {Scopes} scopes, expiring in {ExpiresInSeconds} s")]
    public static partial void Validated(ILogger logger, string? userId, int scopes, long expiresInSeconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Twitch OAuth: a token is no longer valid")]
    public static partial void Invalid(ILogger logger);

    [LoggerMessage(
        EventId = 3005,
        Level = LogLevel.Debug,
        Message = "Twitch OAuth revoke answered {Status}: {Message}")]
    public static partial void Revoked(ILogger logger, int status, string message);

    [LoggerMessage(
        EventId = 3006,
        Level = LogLevel.Error,
        Message = "Twitch OAuth revoke answered {Status}: {Message}; check Twitch:ClientId")]
    public static partial void RevokeFailed(ILogger logger, int status, string message);
}
