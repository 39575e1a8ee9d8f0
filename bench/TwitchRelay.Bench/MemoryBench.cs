namespace TwitchRelay.Bench;

/// <summary>Idle RSS of the service 10 s after start, then its peak after one intake burst.</summary>
internal static class MemoryBench
{
    public static Task RunAsync(BenchReport report) =>
        IntakeBench.RunServiceAsync(report, [64], withMemory: true);
}
