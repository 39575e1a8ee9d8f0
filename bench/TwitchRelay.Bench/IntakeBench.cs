using System.Diagnostics;

namespace TwitchRelay.Bench;

/// <summary>Signed notifications per second into the real service (stored with synchronous=FULL before the 2xx)
/// next to a bare Kestrel endpoint, same client, same machine; then the inbox is counted after a SIGKILL.</summary>
internal static class IntakeBench
{
    public const int Count = 20_000;
    private const int Warmup = 2_000;
    private static readonly int[] Concurrencies = [32, 64];

    public static async Task RunAsync(BenchReport report, bool withMemory)
    {
        Console.WriteLine("intake: bare Kestrel endpoint");
        var bare = new Dictionary<int, double>();
        await using (var server = await ChildProcess.StartBareAsync())
        {
            foreach (var concurrency in Concurrencies)
            {
                var result = await MeasureAsync(server, concurrency, first: 0);
                bare[concurrency] = result.PerSecond;
                report.Add("intake", $"bare Kestrel, c={concurrency}", result.PerSecond, "req/s",
                    $"{result.Ok} 2xx, {result.Failed} other, {result.Elapsed.TotalSeconds:N1} s, {result.Latencies}");
            }
        }

        await RunServiceAsync(report, Concurrencies, withMemory, bare);
        await FsyncProbe.RunAsync(report);
        await StorageProbe.RunAsync(report);
    }

    /// <summary>Runs the service over a fresh SQLite file, optionally measuring its idle memory first.</summary>
    public static async Task RunServiceAsync(
        BenchReport report,
        IReadOnlyList<int> concurrencies,
        bool withMemory,
        IReadOnlyDictionary<int, double>? bare = null)
    {
        const string name = "TwitchRelay SQLite";
        Console.WriteLine($"intake: {name}");
        using var folder = new ServiceFolder();
        await using var service = await ChildProcess.StartServiceAsync(folder.Environment());
        if (withMemory)
        {
            // Start-up work (migrations, JIT, first GCs) has settled by then; nothing has been sent yet.
            await Task.Delay(TimeSpan.FromSeconds(10));
            report.Add("memory", "idle RSS, 10 s after start", service.StatusMegabytes("VmRSS"), "MB",
                "VmRSS, no request yet but /healthz");
        }

        var accepted = 0L;
        var number = 0;
        foreach (var concurrency in concurrencies)
        {
            var cpuBefore = service.CpuTime;
            var result = await MeasureAsync(service, concurrency, number);
            var cpu = service.CpuTime - cpuBefore;
            number += Warmup + Count;
            accepted += result.Ok + Warmup;
            var ratio = bare is not null && bare.TryGetValue(concurrency, out var floor) ? result.PerSecond / floor : 0;
            report.Add("intake", $"{name}, c={concurrency}", result.PerSecond, "req/s",
                $"{result.Ok} 2xx, {result.Failed} other, {result.Elapsed.TotalSeconds:N1} s, {result.Latencies}"
                + (ratio > 0 ? $", {ratio:P0} of bare" : "")
                + $", service CPU {cpu.TotalSeconds / result.Elapsed.TotalSeconds:N2} cores");
        }

        if (withMemory)
        {
            report.Add("memory", "peak RSS after intake", service.StatusMegabytes("VmHWM"), "MB",
                $"VmHWM after {accepted:N0} notifications");
        }

        await service.KillAsync();
        var (rows, batches) = await folder.CountInboxAsync();
        report.Add("intake", $"{name}: inbox rows after SIGKILL", rows, "rows",
            $"expected {accepted} (2xx answers, warm-up included)");
        report.Add("intake", $"{name}: average commit size", rows / (double)Math.Max(1, batches), "rows/commit",
            $"{batches} distinct ReceivedAt stamps");
        report.Note(rows == accepted
            ? $"Durability ({name}): all {accepted} notifications answered 2xx were in the inbox after SIGKILL."
            : $"DURABILITY FAILURE: {accepted} answered 2xx, {rows} rows in the inbox after SIGKILL.");
    }

    /// <summary>A warm-up burst (JIT, connection pool), then the measured one, each with its own notifications.
    /// </summary>
    private static async Task<BurstResult> MeasureAsync(ChildProcess server, int concurrency, int first)
    {
        var warmup = SignedNotification.Create(first, Warmup);
        var measured = SignedNotification.Create(first + Warmup, Count);
        using var client = new LoadClient(server.BaseAddress, concurrency);
        var warm = await client.BurstAsync(warmup, concurrency);
        if (warm.Ok != Warmup)
        {
            throw new InvalidOperationException($"Warm-up: only {warm.Ok} of {Warmup} accepted.\n{server.Output}");
        }

        var result = await client.BurstAsync(measured, concurrency);
        Console.WriteLine($"  c={concurrency}: {result.PerSecond:N0} req/s ({result.Ok} ok, {result.Failed} failed)");
        return result;
    }
}
