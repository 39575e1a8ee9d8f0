namespace TwitchRelay.Delivery;

/// <summary>Exponential back-off with full jitter, so destinations that failed together do not retry together.
/// </summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, DeliveryOptions options, TimeSpan atLeast)
    {
        var exponent = Math.Min(attempt - 1, 16);
        var ceiling = Math.Min(
            options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent),
            options.MaxRetryDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
        return jittered > atLeast ? jittered : atLeast;
    }
}
