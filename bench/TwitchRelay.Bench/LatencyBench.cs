using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TwitchRelay.Fakes.Discord;

namespace TwitchRelay.Bench;

/// <summary>From the intake's 2xx to the fake Discord receiving the POST, at a steady rate: one follow rule, one
/// channel, the fake's own limits set out of the way so only the relay is measured.</summary>
internal static partial class LatencyBench
{
    public const string BotToken = "bench-bot-token.not-real";
    private const string ChannelId = "100000000000000002";
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(45);

    /// <summary>The rate the issue asks for, then one under Discord's global 50 requests/s per bot, which the relay
    /// keeps on its side too.</summary>
    private static readonly (int PerSecond, int Seconds)[] Rates = [(100, 20), (40, 15)];

    public static async Task RunAsync(BenchReport report)
    {
        await RunAsync(report, Rates);
    }

    private static async Task RunAsync(BenchReport report, (int PerSecond, int Seconds)[] rates)
    {
        using var folder = new ServiceFolder();
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions
        {
            BotToken = BotToken,
            BucketLimit = 1_000_000,
            GlobalLimit = 1_000_000,
        });
        discord.AddChannel(ChannelId);
        var environment = folder.Environment(discord.ApiBaseUrl);
        await BenchRules.ImportAsync(folder, environment, [new { @event = "follow", channelId = ChannelId }]);
        await using var service = await ChildProcess.StartServiceAsync(environment);
        using var client = new LoadClient(service.BaseAddress, 64);
        var number = 500_000;
        var delivered = 0;
        foreach (var (perSecond, seconds) in rates)
        {
            // A few first, so JIT, connection set-up and the route's first rate-limit probe are not in the figures.
            var warm = SignedNotification.Create(number, 20);
            number += warm.Length;
            await client.BurstAsync(warm, 4);
            delivered += warm.Length;
            await WaitForDeliveriesAsync(discord, delivered);

            var sent = SignedNotification.Create(number, perSecond * seconds);
            number += sent.Length;
            Console.WriteLine($"latency: {perSecond}/s for {seconds} s");
            var acks = await SendPacedAsync(client, sent, perSecond);
            delivered += sent.Length;
            await WaitForDeliveriesAsync(discord, delivered);
            var label = $"{perSecond}/s for {seconds} s";
            Summarize(report, label, perSecond * seconds, acks, discord.Requests);
        }
    }

    /// <summary>Starts one request every 1/rate s on a schedule (not after the previous answer), and notes when
    /// each one's 2xx came back.</summary>
    private static async Task<Dictionary<int, DateTimeOffset>> SendPacedAsync(
        LoadClient client,
        SignedNotification[] notifications,
        int perSecond)
    {
        var acks = new Dictionary<int, DateTimeOffset>();
        var sends = new List<Task>(notifications.Length);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < notifications.Length; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)perSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var notification = notifications[i];
            sends.Add(Task.Run(async () =>
            {
                if (await client.SendAsync(notification) is >= 200 and < 300)
                {
                    var now = DateTimeOffset.UtcNow;
                    lock (acks)
                    {
                        acks[notification.Number] = now;
                    }
                }
            }));
        }

        await Task.WhenAll(sends);
        return acks;
    }

    private static async Task WaitForDeliveriesAsync(FakeDiscord discord, int count)
    {
        var clock = Stopwatch.StartNew();
        while (discord.Requests.Count(r => r.Status is >= 200 and < 300) < count && clock.Elapsed < DrainLimit)
        {
            await Task.Delay(200);
        }
    }

    private static void Summarize(
        BenchReport report,
        string label,
        int sent,
        Dictionary<int, DateTimeOffset> acks,
        IReadOnlyList<RecordedDiscordRequest> requests)
    {
        var latencies = new List<double>();
        foreach (var request in requests)
        {
            var match = FollowerPattern().Match(request.Body);
            if (request.Status is >= 200 and < 300 && match.Success
                && acks.TryGetValue(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), out var ack))
            {
                latencies.Add((request.Time - ack).TotalMilliseconds);
            }
        }

        latencies.Sort();
        report.Add("latency", $"{label}: delivered", latencies.Count, "msgs", $"of {sent} sent, {acks.Count} 2xx");
        if (latencies.Count == 0)
        {
            return;
        }

        foreach (var (name, q) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99) })
        {
            report.Add("latency", $"{label}: {name}", Percentile(latencies, q), "ms", "2xx to Discord POST");
        }

        report.Add("latency", $"{label}: max", latencies[^1], "ms", "2xx to Discord POST");
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    [GeneratedRegex("BenchUser([0-9]{6})")]
    private static partial Regex FollowerPattern();
}
