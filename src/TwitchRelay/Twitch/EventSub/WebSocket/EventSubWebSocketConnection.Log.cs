namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>The connection's log events (1400–1429). Never a token: reconnect URLs carry one, so only their host is
/// logged.</summary>
internal sealed partial class EventSubWebSocketConnection
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information,
        Message = "EventSub WebSocket of broadcaster {BroadcasterId} connected to {Host} (socket {Socket})")]
    private partial void LogConnected(string broadcasterId, string host, int socket);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning,
        Message = "EventSub WebSocket of broadcaster {BroadcasterId} could not connect to {Host}")]
    private partial void LogConnectFailed(Exception exception, string broadcasterId, string host);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information,
        Message = "EventSub session {SessionId} of broadcaster {BroadcasterId} welcomed (keepalive {Seconds} s)")]
    private partial void LogWelcome(string broadcasterId, string sessionId, int seconds);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information,
        Message = "Subscribed broadcaster {BroadcasterId} on EventSub session {SessionId}")]
    private partial void LogSubscribed(string broadcasterId, string sessionId);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error,
        Message = "Could not subscribe broadcaster {BroadcasterId} on EventSub session {SessionId}; starting over")]
    private partial void LogSubscribeFailed(Exception exception, string broadcasterId, string sessionId);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information,
        Message = "Twitch asked broadcaster {BroadcasterId}'s session {SessionId} to reconnect, to {Host}")]
    private partial void LogReconnectRequested(string broadcasterId, string? sessionId, string host);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information,
        Message = "Broadcaster {BroadcasterId} moved from EventSub session {OldSessionId} to {SessionId}")]
    private partial void LogReconnected(string broadcasterId, string? oldSessionId, string sessionId);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Warning,
        Message = "Broadcaster {BroadcasterId} could not open the reconnect URL of session {SessionId}; starting over")]
    private partial void LogReconnectFailed(Exception exception, string broadcasterId, string? sessionId);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Error,
        Message = "Session {SessionId} of broadcaster {BroadcasterId} sent session_reconnect without a usable URL")]
    private partial void LogBadReconnectUrl(string broadcasterId, string? sessionId);

    [LoggerMessage(EventId = 1409, Level = LogLevel.Warning,
        Message = "EventSub session {SessionId} of broadcaster {BroadcasterId} was silent for {Silence}; "
            + "treating it as dead")]
    private partial void LogSilent(string broadcasterId, string? sessionId, TimeSpan silence);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning,
        Message = "Twitch closed EventSub session {SessionId} of broadcaster {BroadcasterId} with {Code}: "
            + "{Meaning} ({Reason})")]
    private partial void LogClosed(string broadcasterId, string? sessionId, int code, string meaning, string? reason);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Error,
        Message = "Twitch closed EventSub session {SessionId} of broadcaster {BroadcasterId} with {Code}: {Meaning}")]
    private partial void LogClosedByOurFault(string broadcasterId, string? sessionId, int code, string meaning);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning,
        Message = "EventSub session {SessionId} of broadcaster {BroadcasterId} was lost without a close code")]
    private partial void LogLost(Exception? exception, string broadcasterId, string? sessionId);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Information,
        Message = "EventSub WebSocket of broadcaster {BroadcasterId} reconnects in {Delay} (failure {Failures})")]
    private partial void LogReconnectScheduled(string broadcasterId, TimeSpan delay, int failures);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Information,
        Message = "EventSub WebSocket of broadcaster {BroadcasterId} stopped")]
    private partial void LogStopped(string broadcasterId);

    [LoggerMessage(EventId = 1415, Level = LogLevel.Debug,
        Message = "Stored EventSub {MessageType} {MessageId} ({SubscriptionType}) of broadcaster {BroadcasterId}; "
            + "new: {IsNew}")]
    private partial void LogStored(
        string broadcasterId, string messageType, string messageId, string subscriptionType, bool isNew);

    [LoggerMessage(EventId = 1416, Level = LogLevel.Error,
        Message = "Could not store EventSub message {MessageId} ({SubscriptionType}) of broadcaster {BroadcasterId}; "
            + "Twitch does not resend it")]
    private partial void LogStoreFailed(
        Exception exception, string broadcasterId, string messageId, string subscriptionType);

    [LoggerMessage(EventId = 1417, Level = LogLevel.Warning,
        Message = "Ignored a frame that is not EventSub JSON on socket {Socket} of broadcaster {BroadcasterId}")]
    private partial void LogMalformed(string broadcasterId, int socket);

    [LoggerMessage(EventId = 1418, Level = LogLevel.Warning,
        Message = "Ignored EventSub {MessageType} {MessageId} of broadcaster {BroadcasterId}: no subscription type, "
            + "version or valid timestamp")]
    private partial void LogMalformedMessage(string broadcasterId, string messageId, string messageType);

    [LoggerMessage(EventId = 1419, Level = LogLevel.Debug,
        Message = "Ignored EventSub message type {MessageType} ({MessageId}) of broadcaster {BroadcasterId}")]
    private partial void LogUnknownType(string broadcasterId, string messageType, string messageId);

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning,
        Message = "Ignored an unexpected session_welcome on socket {Socket} of broadcaster {BroadcasterId}")]
    private partial void LogUnexpectedWelcome(string broadcasterId, int socket);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Warning,
        Message = "Ignored an unexpected session_reconnect on socket {Socket} of broadcaster {BroadcasterId}")]
    private partial void LogUnexpectedReconnect(string broadcasterId, int socket);

    [LoggerMessage(EventId = 1422, Level = LogLevel.Error,
        Message = "EventSub WebSocket of broadcaster {BroadcasterId} failed unexpectedly; starting over")]
    private partial void LogSessionFailed(Exception exception, string broadcasterId);
}
