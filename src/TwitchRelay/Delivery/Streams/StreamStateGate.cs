namespace TwitchRelay.Delivery.Streams;

/// <summary>One writer of stream states at a time in this process: the dispatcher (from reading a batch's rows to
/// saving them) and the VOD watcher (recording a found VOD). Without it, a row read by one and written after the
/// other's commit would overwrite that commit, and two edits of one post could get the same order number. One
/// instance per database is a stated limit, so a process-wide gate covers every writer.</summary>
public sealed class StreamStateGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
