namespace TwitchRelay.Discord.Gateway;

/// <summary>Timings of the gateway session. The defaults suit Discord; tests shorten the back-off and fix the
/// jitter.</summary>
internal sealed class GatewayTuning
{
    /// <summary>The WebSocket handshake's limit.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for Hello after connecting.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a close handshake may take before the socket is dropped.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after a failure; doubles per failure in a row up to <see cref="MaxBackoff"/>,
    /// jittered down to half.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A number in [0, 1): the first heartbeat waits interval × this, and back-off and the wait after an
    /// invalid session use it too. https://discord.com/developers/docs/events/gateway#heartbeat-interval</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>The activity shown under the bot's name, as "Watching {Watching}".</summary>
    public string Watching { get; init; } = "Twitch";

    public TimeSpan BackoffFor(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var full = Math.Min(FirstBackoff.TotalMilliseconds * Math.Pow(2, exponent), MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + (Jitter() / 2)));
    }

    /// <summary>Between 1 and 5 seconds before identifying again after an invalid session.
    /// https://discord.com/developers/docs/events/gateway-events#invalid-session</summary>
    public TimeSpan InvalidSessionDelay() => TimeSpan.FromSeconds(1 + (4 * Jitter()));
}
