using System.Diagnostics;

namespace TwitchRelay.Bench;

/// <summary>How long one fsync takes on the disk the temp folder is on: a durable commit costs at least one (WAL
/// with synchronous=FULL syncs the log on every commit), so this bounds commits per second.</summary>
internal static class FsyncProbe
{
    private const int Rounds = 200;

    public static async Task RunAsync(BenchReport report)
    {
        var path = Path.Combine(Path.GetTempPath(), $"twitchrelay-fsync-{Environment.ProcessId}");
        var block = new byte[4096];
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Rounds; i++)
            {
                await file.WriteAsync(block);
                file.Flush(flushToDisk: true);
            }

            var perSync = clock.Elapsed.TotalMilliseconds / Rounds;
            report.Add("intake", "fsync of a 4 KB append", perSync, "ms", $"{Rounds} rounds, temp folder's disk");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
