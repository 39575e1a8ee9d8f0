namespace TwitchRelay.Discord;

/// <summary>Retry and rate-limit knobs of the REST client. Not user settings: the defaults follow Discord's
/// guidance, tests replace the instance to shorten or count.</summary>
internal sealed record DiscordRestTuning
{
    /// <summary>Discord's global limit per bot.
    /// https://discord.com/developers/docs/topics/rate-limits#global-rate-limit</summary>
    public int GlobalRequestsPerSecond { get; init; } = 50;

    /// <summary>A 429 asking for a longer wait is handed back to the caller instead of blocking a worker.</summary>
    public TimeSpan LongRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many 429s one call waits out before it is handed back as retry-later.</summary>
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>Retries of 5xx answers and timeouts, with exponential back-off and jitter.</summary>
    public int MaxTransientRetries { get; init; } = 3;

    public TimeSpan TransientBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The least the caller should wait after the transient retries are used up. Zero: the outbox's own
    /// back-off decides, since it knows how often this delivery has failed already.</summary>
    public TimeSpan TransientRetryLater { get; init; } = TimeSpan.Zero;

    /// <summary>When a bucket is empty but its reset time is not known yet (answers still in flight).</summary>
    public TimeSpan UnknownResetPoll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the first request of a route holds back the others before another may probe.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
