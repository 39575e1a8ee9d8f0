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
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < notifications.Count)
            {
                if (await SendAsync(notifications[i]) is >= 200 and < 300)
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
        return new BurstResult(ok, failed, clock.Elapsed);
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

internal sealed record BurstResult(int Ok, int Failed, TimeSpan Elapsed)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;
}
