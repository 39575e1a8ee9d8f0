using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Fakes.Twitch;

namespace TwitchRelay.Bench;

/// <summary>From the intake's 2xx for a <c>stream.online</c> to the fake Discord receiving the go-live POST. Unlike a
/// follow, the post first reads the title and game (Get Channel Information) and the avatar (Get Users) from the
/// fake Twitch with the app token, so this is the path a streamer's community waits on. One stream every 1.5 s:
/// online, offline half a second later, and the next stream (a new stream id) a second after that; the offline
/// grace is 0 so every stream is a new post, and the offline action <c>none</c> keeps the channel to go-live posts.
/// </summary>
internal static class GoLiveBench
{
    private const string ChannelId = "100000000000000002";
    private const string ClientId = "benchclientid00000000000000000";
    private const string ClientSecret = "bench-client-secret-not-real-00";
    private const string Login = "ember_hollow";
    private const int WarmUp = 3;
    private const int Streams = 40;
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchReport report)
    {
        using var folder = new ServiceFolder();
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions
        {
            BotToken = LatencyBench.BotToken,
            BucketLimit = 1_000_000,
            GlobalLimit = 1_000_000,
        });
        discord.AddChannel(ChannelId);
        await using var twitch = await FakeTwitch.StartAsync(ClientId, ClientSecret);
        twitch.AddUser(SignedNotification.BroadcasterId, Login, "Ember_Hollow");
        twitch.SetChannel(SignedNotification.BroadcasterId, "Bench stream", "Celeste");

        var environment = folder.Environment(discord.ApiBaseUrl);
        environment["Twitch__ClientId"] = ClientId;
        environment["Twitch__ClientSecret"] = ClientSecret;
        environment["Twitch__ApiBaseUrl"] = twitch.ApiBaseUrl;
        environment["Twitch__AuthBaseUrl"] = twitch.AuthBaseUrl;
        environment["Streams__OfflineGrace"] = "00:00:00";
        await BenchRules.ImportAsync(
            folder,
            environment,
            [new { @event = "stream.online", channelId = ChannelId, offlineAction = "none" }]);

        await using var service = await ChildProcess.StartServiceAsync(environment);
        using var client = new LoadClient(service.BaseAddress, 4);
        Console.WriteLine($"golive: {WarmUp} warm-up streams, then {Streams}, one every 1.5 s");
        var acks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var template = JsonNode.Parse(await File.ReadAllTextAsync(BenchPaths.Sample("stream.online.json")))!;
        var offline = await File.ReadAllTextAsync(BenchPaths.Sample("stream.offline.json"));
        for (var i = 0; i < WarmUp + Streams; i++)
        {
            var streamId = (70_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var online = SignedNotification.Sign(i, "stream.online", "1", OnlineBody(template, streamId));
            var status = await client.SendAsync(online);
            if (status is >= 200 and < 300 && i >= WarmUp)
            {
                acks[streamId] = DateTimeOffset.UtcNow;
            }

            await Task.Delay(500);
            await client.SendAsync(SignedNotification.Sign(i, "stream.offline", "1", offline));
            await Task.Delay(1000);
        }

        var clock = Stopwatch.StartNew();
        while (Posts(discord).Count() < WarmUp + Streams && clock.Elapsed < DrainLimit)
        {
            await Task.Delay(200);
        }

        Summarize(report, acks, discord, twitch);
    }

    private static string OnlineBody(JsonNode template, string streamId)
    {
        var node = template.DeepClone();
        node["event"]!["id"] = streamId;
        node["event"]!["started_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'",
            CultureInfo.InvariantCulture);
        return node.ToJsonString();
    }

    private static IEnumerable<RecordedDiscordRequest> Posts(FakeDiscord discord) =>
        discord.Requests.Where(x => x.Method == "POST" && x.Status is >= 200 and < 300);

    private static void Summarize(
        BenchReport report,
        Dictionary<string, DateTimeOffset> acks,
        FakeDiscord discord,
        FakeTwitch twitch)
    {
        var latencies = new List<double>();
        foreach (var post in Posts(discord))
        {
            var at = post.Body.IndexOf("?stream=", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var streamId = new string([.. post.Body[(at + 8)..].TakeWhile(char.IsAsciiDigit)]);
            if (acks.TryGetValue(streamId, out var ack))
            {
                latencies.Add((post.Time - ack).TotalMilliseconds);
            }
        }

        latencies.Sort();
        var helix = twitch.Requests.Count(x => x.Path.StartsWith("/helix/", StringComparison.Ordinal));
        report.Add(
            "golive",
            "go-live posts",
            latencies.Count,
            "posts",
            $"of {acks.Count} streams, {helix} Helix reads");
        if (latencies.Count == 0)
        {
            return;
        }

        foreach (var (name, q) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99) })
        {
            var value = latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Count) - 1, 0, latencies.Count - 1)];
            report.Add("golive", $"stream.online 2xx to Discord POST: {name}", value, "ms", "title, game, avatar read");
        }

        report.Add("golive", "stream.online 2xx to Discord POST: max", latencies[^1], "ms", "title, game, avatar read");
    }
}
