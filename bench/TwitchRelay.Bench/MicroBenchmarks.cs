using System.Text;
using BenchmarkDotNet.Attributes;
using TwitchRelay.Alerts;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Bench;

/// <summary>The intake's one CPU-bound step: HMAC-SHA256 over a 1 KB body and a fixed-time compare.</summary>
public class SignatureBenchmarks
{
    private readonly byte[] secret = Encoding.ASCII.GetBytes(SignedNotification.Secret);
    private readonly byte[] body = new byte[1024];
    private readonly string messageId = Guid.NewGuid().ToString();
    private readonly string timestamp = EventSubTimestamp.Format(DateTimeOffset.UtcNow);
    private string signature = "";

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(body);
        signature = EventSubSignature.Compute(secret, messageId, timestamp, body);
    }

    [Benchmark(Description = "EventSubSignature.IsValid, 1 KB body")]
    public bool IsValid() => EventSubSignature.IsValid(secret, messageId, timestamp, body, signature);
}

/// <summary>What the dispatcher does per notification and rule: parse the stored body, render the message.</summary>
public class AlertBenchmarks
{
    private string follow = "";
    private string pollProgress = "";

    [GlobalSetup]
    public void Setup()
    {
        follow = File.ReadAllText(BenchPaths.Sample("channel.follow.json"));
        pollProgress = File.ReadAllText(BenchPaths.Sample("channel.poll.progress.json"));
    }

    [Benchmark(Description = "Parse + Render channel.follow v2")]
    public DiscordMessage Follow() => ParseAndRender("channel.follow", "2", follow);

    [Benchmark(Description = "Parse + Render channel.poll.progress v1")]
    public DiscordMessage PollProgress() => ParseAndRender("channel.poll.progress", "1", pollProgress);

    private static DiscordMessage ParseAndRender(string type, string version, string body)
    {
        var parsed = NotificationParser.Parse(type, version, body, DateTimeOffset.UnixEpoch);
        return AlertRenderer.Render(parsed.Events[0], RenderOptions.Default);
    }
}
