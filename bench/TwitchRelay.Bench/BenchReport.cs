using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace TwitchRelay.Bench;

/// <summary>The figures of one run, printed as a table and written to <c>bench/results/latest.md</c>.</summary>
internal sealed class BenchReport
{
    private readonly List<Row> rows = [];
    private readonly List<string> notes = [];

    public void Add(string mode, string metric, double value, string unit, string detail = "") =>
        rows.Add(new Row(mode, metric, value, unit, detail));

    /// <summary>A finding that is not a number: a target met or missed, a check that failed.</summary>
    public void Note(string text)
    {
        notes.Add(text);
        Console.WriteLine(text);
    }

    public void Print(TextWriter writer)
    {
        writer.WriteLine();
        foreach (var line in Table())
        {
            writer.WriteLine(line);
        }

        foreach (var note in notes)
        {
            writer.WriteLine("- " + note);
        }
    }

    public string Write(string mode)
    {
        Directory.CreateDirectory(BenchPaths.Results);
        // A one-mode run keeps its own file, so it does not replace the last full table.
        var path = Path.Combine(BenchPaths.Results, mode == "all" ? "latest.md" : $"{mode}.md");
        var text = new StringBuilder();
        text.AppendLine("# TwitchRelay bench: latest run").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- when: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"- command: `dotnet run -c Release --project bench/TwitchRelay.Bench -- {mode}`");
        text.AppendLine(culture, $"- machine: {Environment.ProcessorCount} cores, {CpuModel()}, {MemoryGb()}");
        text.AppendLine(
            culture,
            $"- runtime: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        text.AppendLine("- client, service and servers all share those cores; everything on 127.0.0.1").AppendLine();
        foreach (var line in Table())
        {
            text.AppendLine(line);
        }

        if (notes.Count > 0)
        {
            text.AppendLine().AppendLine("## Findings").AppendLine();
            foreach (var note in notes)
            {
                text.AppendLine("- " + note);
            }
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private IEnumerable<string> Table()
    {
        yield return "| mode | metric | value | unit | detail |";
        yield return "|---|---|---:|---|---|";
        foreach (var row in rows)
        {
            yield return $"| {row.Mode} | {row.Metric} | {Show(row.Value)} | {row.Unit} | {row.Detail} |";
        }
    }

    private static string Show(double value) =>
        value.ToString(Math.Abs(value) >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        var line = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }

    private static string MemoryGb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First() : null;
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kb is null ? "unknown RAM" : $"{long.Parse(kb, CultureInfo.InvariantCulture) / 1024 / 1024} GB RAM";
    }

    private sealed record Row(string Mode, string Metric, double Value, string Unit, string Detail);
}
