namespace TwitchRelay.Discord.Gateway;

internal sealed partial class DiscordGatewayService
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information,
        Message = "Discord:BotToken is not set; the bot does not connect to Discord's gateway (no slash commands)")]
    private partial void LogNoToken();

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug,
        Message = "Connected to Discord's gateway at {Host}; sending {Action}")]
    private partial void LogConnected(string host, string action);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning,
        Message = "Could not connect to Discord's gateway at {Host}")]
    private partial void LogConnectFailed(Exception exception, string host);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information,
        Message = "Discord gateway ready: bot {BotUserId} in {GuildCount} guild(s)")]
    private partial void LogReady(string? botUserId, int guildCount);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information,
        Message = "Discord gateway session resumed at sequence {Sequence}")]
    private partial void LogResumed(long? sequence);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning,
        Message = "No heartbeat ACK from Discord within {Interval}: the connection is a zombie; resuming")]
    private partial void LogZombie(TimeSpan interval);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information,
        Message = "Discord asked the bot to reconnect (op 7); resuming")]
    private partial void LogReconnectAsked();

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning,
        Message = "Discord invalidated the gateway session (op 9, resumable: {Resumable})")]
    private partial void LogInvalidSession(bool resumable);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Error,
        Message = "Discord closed the gateway with {Code} ({Reason}): {Fix}. The bot stays offline until restarted")]
    private partial void LogFatalClose(int code, string reason, string fix);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning,
        Message = "Discord closed the gateway with {Code} ({Reason})")]
    private partial void LogClosed(int? code, string reason);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "The Discord gateway connection dropped")]
    private partial void LogDropped(Exception exception);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information,
        Message = "Reconnecting to Discord's gateway in {Delay} ({Action})")]
    private partial void LogReconnectScheduled(TimeSpan delay, string action);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Error,
        Message = "The Discord gateway session failed unexpectedly; starting over")]
    private partial void LogSessionFailed(Exception exception);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning,
        Message = "No Hello from Discord's gateway within {Timeout}")]
    private partial void LogNoHello(TimeSpan timeout);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Warning, Message = "A gateway payload could not be read")]
    private partial void LogMalformed();

    [LoggerMessage(EventId = 6015, Level = LogLevel.Debug, Message = "Ignoring gateway opcode {Op}")]
    private partial void LogUnknownOpcode(int op);

    [LoggerMessage(EventId = 6016, Level = LogLevel.Information, Message = "The bot joined guild {GuildId} ({Name})")]
    private partial void LogGuildJoined(string guildId, string? name);

    [LoggerMessage(EventId = 6017, Level = LogLevel.Information, Message = "The bot left guild {GuildId}")]
    private partial void LogGuildLeft(string guildId);

    [LoggerMessage(EventId = 6018, Level = LogLevel.Warning,
        Message = "Guild {GuildId} is unavailable (a Discord outage)")]
    private partial void LogGuildUnavailable(string guildId);

    [LoggerMessage(EventId = 6019, Level = LogLevel.Error,
        Message = "The {Listener} handler failed on a {Type} dispatch")]
    private partial void LogListenerFailed(Exception exception, string type, string listener);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "The Discord gateway session stopped")]
    private partial void LogStopped();
}
