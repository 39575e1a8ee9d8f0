using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TwitchRelay.Bench;

/// <summary>BenchmarkDotNet's short job, in process: the build of a separate benchmark project would take longer
/// than the measurements themselves.</summary>
internal static class MicroBench
{
    public static void Run(BenchReport report)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run([typeof(SignatureBenchmarks), typeof(AlertBenchmarks)], config);
        foreach (var each in summary)
        {
            foreach (var result in each.Reports)
            {
                var name = result.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo;
                var allocated = result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase) ?? 0;
                report.Add("micro", name, result.ResultStatistics?.Mean ?? double.NaN, "ns/op",
                    $"{allocated:N0} B allocated/op");
            }
        }
    }
}
