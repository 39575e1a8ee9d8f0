using Microsoft.Extensions.Time.Testing;

namespace TwitchRelay.Tests.Infrastructure;

/// <summary>Disposing a service provider disposes its HTTP clients' resilience pipelines, which wait until their
/// executions end, measured on the services' clock (Polly's ExecutionTrackingComponent). On a FakeTimeProvider that
/// nobody advances any more, an execution parked in a fake-time delay (a retry back-off, a rate-limit wait) never
/// ends and the wait never times out: the test run hung there twice. The services have stopped by then, so their
/// fake time is let run on until the disposal is done.</summary>
internal static class FakeTimeDisposal
{
    public static async Task DisposeAsync(IAsyncDisposable target, TimeProvider? time)
    {
        using var disposed = new CancellationTokenSource();
        var clock = time is FakeTimeProvider fake ? RunClockAsync(fake, disposed.Token) : Task.CompletedTask;
        try
        {
            await target.DisposeAsync();
        }
        finally
        {
            await disposed.CancelAsync();
            await clock;
        }
    }

    private static async Task RunClockAsync(FakeTimeProvider time, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }
}
