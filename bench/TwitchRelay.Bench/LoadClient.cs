using System.Diagnostics;
using System.Net;

namespace TwitchRelay.Bench;

/// <summary>One HTTP/1.1 client for every server measured, so differences come from the servers.</summary>
internal sealed class LoadClient : IDisposable
{
    private readonly HttpClient client;

    public LoadClient(Uri baseAddress, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        };
        client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Sends everything, at most <paramref name="concurrency"/> requests in flight; counts 2xx only.
    /// </summary>
    public async Task<BurstResult> BurstAsync(IReadOnlyList<SignedNotification> notifications, int concurrency)
    {
        var next = -1;
        var ok = 0;
        var failed = 0;
        var latencies = new double[notifications.Count];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < notifications.Count)
            {
                var sentAt = Stopwatch.GetTimestamp();
                var status = await SendAsync(notifications[i]);
                latencies[i] = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
                if (status is >= 200 and < 300)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        return new BurstResult(ok, failed, elapsed, latencies[latencies.Length / 2],
            latencies[(int)(latencies.Length * 0.99)], latencies[^1]);
    }

    /// <summary>The status code, or 0 when no answer came.</summary>
    public async Task<int> SendAsync(SignedNotification notification)
    {
        try
        {
            using var request = notification.ToRequest();
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return (int)HttpStatusCode.RequestTimeout;
        }
    }

    public void Dispose() => client.Dispose();
}

/// <summary>2xx and other answers, wall time, and request latency (p50, p99, max in ms).</summary>
internal sealed record BurstResult(int Ok, int Failed, TimeSpan Elapsed, double P50, double P99, double Max)
{
    public string Latencies => $"latency p50 {P50:N1} / p99 {P99:N1} / max {Max:N0} ms";

    public double PerSecond => Ok / Elapsed.TotalSeconds;
}
