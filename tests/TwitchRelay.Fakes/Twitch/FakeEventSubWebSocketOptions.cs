namespace TwitchRelay.Fakes.Twitch;

/// <summary>How the fake EventSub WebSocket server behaves. Properties may change while it runs.</summary>
public sealed class FakeEventSubWebSocketOptions
{
    /// <summary>The keepalive_timeout_seconds of a welcome when the client asks for none (Twitch's default, 10).
    /// </summary>
    public int KeepaliveTimeoutSeconds { get; set; } = 10;

    /// <summary>False to stop sending keepalives, so the client's silence timeout can be tested.</summary>
    public bool SendKeepalives { get; set; } = true;

    /// <summary>The idle time before a keepalive; null for half the session's keepalive timeout.</summary>
    public TimeSpan? KeepaliveInterval { get; set; }

    /// <summary>A fresh session closes with 4003 if <see cref="FakeEventSubWebSocket.MarkSubscribed"/> was not called
    /// for it within this time after its welcome; null to never close.</summary>
    public TimeSpan? RequireSubscriptionWithin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After session_reconnect, the old socket closes with 4004 if no new socket was welcomed at the
    /// reconnect URL within this time (Twitch's 30 s).</summary>
    public TimeSpan ReconnectGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True to hold the welcome of each new connection until
    /// <see cref="FakeEventSubWebSocket.ReleaseWelcomeAsync"/>, so a test can act between connect and welcome.
    /// </summary>
    public bool HoldWelcomes { get; set; }

    /// <summary>When set, the server pings this often and drops a client that does not pong within
    /// <see cref="PingTimeout"/>. Read at each connect.</summary>
    public TimeSpan? PingInterval { get; set; }

    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
