namespace TwitchRelay.Delivery;

/// <summary>How hard the sender tries before it gives a delivery up; not user settings yet, but named in one place.
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>Attempts (first try included) before a delivery that keeps failing transiently is failed for good.
    /// With the back-off below that is a little over an hour of trying.</summary>
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the loops look at the database when nothing woke them.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Destinations sent to at once; one destination is always sent to in order, one at a time.</summary>
    public int ParallelDestinations { get; set; } = 8;
}
