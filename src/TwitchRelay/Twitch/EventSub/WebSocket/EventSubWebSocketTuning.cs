namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>Timings of the WebSocket transport. The defaults suit Twitch; tests shorten the back-off.</summary>
internal sealed class EventSubWebSocketTuning
{
    /// <summary>Added to <c>keepalive_timeout_seconds</c> before a silent socket counts as dead, for the time a
    /// keepalive spends on the wire. https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#keepalive-message
    /// </summary>
    public TimeSpan KeepaliveGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The silence allowed before the first welcome, when no keepalive window is known yet (Twitch's
    /// default window is 10 s).</summary>
    public TimeSpan WelcomeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The WebSocket handshake's limit.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a close handshake may take before the socket is dropped.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after a failure; each further failure in a row doubles it, up to
    /// <see cref="MaxBackoff"/>, and each wait is jittered down to half so many relays do not reconnect at once.
    /// </summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait before reconnect attempt <paramref name="failures"/> (1 after the first failure).</summary>
    public TimeSpan BackoffFor(int failures, Random random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var full = Math.Min(FirstBackoff.TotalMilliseconds * Math.Pow(2, exponent), MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + (random.NextDouble() / 2)));
    }
}
