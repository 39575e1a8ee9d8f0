namespace TwitchRelay.Storage;

/// <summary>Wakes a background loop as soon as there is work, instead of waiting for its next poll.
/// Several notifications before the loop wakes collapse into one wake-up.</summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled and not yet consumed: one wake-up covers both.
        }
    }

    /// <summary>Returns when signalled or when <paramref name="timeout"/> has passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        semaphore.WaitAsync(timeout, cancellationToken);
}

/// <summary>Signalled when new notifications are in the inbox.</summary>
public sealed class InboxSignal
{
    public WorkSignal Signal { get; } = new();
}

/// <summary>Signalled when new deliveries are owed.</summary>
public sealed class OutboxSignal
{
    public WorkSignal Signal { get; } = new();
}
