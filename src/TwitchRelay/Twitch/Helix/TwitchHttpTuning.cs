namespace TwitchRelay.Twitch.Helix;

/// <summary>Retry, timeout and rate-limit knobs of the Twitch clients. Not user settings: tests replace the instance
/// to shorten them.</summary>
internal sealed record TwitchHttpTuning
{
    /// <summary>Retries of 5xx answers and timeouts for GET and DELETE, with exponential back-off and jitter.
    /// </summary>
    public int MaxTransientRetries { get; init; } = 2;

    public TimeSpan TransientBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>A 429 whose reset is further away than this is returned at once instead of waited out. Helix buckets
    /// refill within a minute, so only a skewed clock goes past it.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(61);

    /// <summary>How long to wait after a 429 that carries no usable Ratelimit-Reset.</summary>
    public TimeSpan UnknownResetWait { get; init; } = TimeSpan.FromSeconds(1);
}
