namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>The close codes Twitch sends on an EventSub WebSocket, and what each means for us.
/// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#close-message</summary>
internal static class EventSubCloseCodes
{
    public const int InternalServerError = 4000;
    public const int ClientSentInboundTraffic = 4001;
    public const int ClientFailedPingPong = 4002;
    public const int ConnectionUnused = 4003;
    public const int ReconnectGraceTimeExpired = 4004;
    public const int NetworkTimeout = 4005;
    public const int NetworkError = 4006;
    public const int InvalidReconnect = 4007;

    /// <summary>True for the codes that say our side did something wrong (an operator or a developer must look);
    /// false for Twitch's or the network's trouble, which a reconnect with back-off cures.</summary>
    public static bool IsOurFault(int code) => code is ClientSentInboundTraffic or ClientFailedPingPong
        or ConnectionUnused or ReconnectGraceTimeExpired or InvalidReconnect;

    public static string Describe(int code) => code switch
    {
        InternalServerError => "Twitch had an internal server error",
        ClientSentInboundTraffic => "we sent a frame other than a pong; the client must send nothing",
        ClientFailedPingPong => "we did not answer Twitch's ping with a pong",
        ConnectionUnused => "no subscription was created within 10 seconds of the welcome",
        ReconnectGraceTimeExpired => "we did not connect to the reconnect URL within 30 seconds",
        NetworkTimeout => "a network timeout between Twitch and its edge",
        NetworkError => "a network error between Twitch and its edge",
        InvalidReconnect => "the reconnect URL we used was not valid",
        _ => "a close code Twitch does not document",
    };
}
