using TwitchRelay.Bench;

// dotnet run -c Release --project bench/TwitchRelay.Bench -- [all|intake|latency|golive|memory|micro]
// "bare-server --port N" is the comparison endpoint; the intake mode starts it in its own process.
var mode = args.Length > 0 ? args[0] : "all";
if (mode == "bare-server")
{
    await BareServer.RunAsync(BenchArgs.Port(args));
    return 0;
}

var report = new BenchReport();
var modes = mode == "all" ? ["intake", "latency", "golive", "micro"] : new[] { mode };
foreach (var each in modes)
{
    switch (each)
    {
        case "intake":
            await IntakeBench.RunAsync(report, withMemory: true);
            break;
        case "memory":
            await MemoryBench.RunAsync(report);
            break;
        case "latency":
            await LatencyBench.RunAsync(report);
            break;
        case "golive":
            await GoLiveBench.RunAsync(report);
            break;
        case "micro":
            MicroBench.Run(report);
            break;
        default:
            await Console.Error.WriteLineAsync(
                $"Unknown mode '{each}': all, intake, latency, golive, memory or micro.");
            return 2;
    }
}

report.Print(Console.Out);
var written = report.Write(mode);
Console.WriteLine($"Written to {written}");
return 0;
