using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Bench;

/// <summary>A channel.follow notification signed ahead of the run, so the client spends no time on HMACs while
/// it measures. Each has its own message id and follower (<c>BenchUser000042</c>), which is how a Discord request
/// is matched to the notification it came from.</summary>
internal sealed record SignedNotification(int Number, string Follower, string MessageId, string Timestamp,
    string Signature, byte[] Body)
{
    public const string Secret = "bench-secret-not-real-0123456789abcdef";
    public const string BroadcasterId = "583920147";

    private static readonly Lazy<JsonNode> Template =
        new(() => JsonNode.Parse(File.ReadAllText(BenchPaths.Sample("channel.follow.json")))!);

    public static string FollowerName(int number) =>
        "BenchUser" + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Numbers <paramref name="first"/> onwards, timestamped now (the intake refuses anything older than
    /// ten minutes).</summary>
    public static SignedNotification[] Create(int first, int count)
    {
        var secret = Encoding.ASCII.GetBytes(Secret);
        var timestamp = EventSubTimestamp.Format(DateTimeOffset.UtcNow);
        var result = new SignedNotification[count];
        for (var i = 0; i < count; i++)
        {
            var number = first + i;
            var follower = FollowerName(number);
            var node = Template.Value.DeepClone();
            var evt = node["event"]!;
            evt["user_id"] = (900_000_000 + number).ToString(CultureInfo.InvariantCulture);
            evt["user_login"] = follower.ToLowerInvariant();
            evt["user_name"] = follower;
            var body = Encoding.UTF8.GetBytes(node.ToJsonString());
            var id = Guid.NewGuid().ToString();
            var signature = EventSubSignature.Compute(secret, id, timestamp, body);
            result[i] = new SignedNotification(number, follower, id, timestamp, signature, body);
        }

        return result;
    }

    /// <summary>Twitch-Eventsub-Subscription-Type and -Version; a follow unless made by <see cref="Sign"/>.</summary>
    public string Type { get; init; } = "channel.follow";

    public string Version { get; init; } = "2";

    /// <summary>Any notification body, signed now with a fresh message id.</summary>
    public static SignedNotification Sign(int number, string type, string version, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = EventSubTimestamp.Format(DateTimeOffset.UtcNow);
        var id = Guid.NewGuid().ToString();
        var signature = EventSubSignature.Compute(Encoding.ASCII.GetBytes(Secret), id, timestamp, bytes);
        return new SignedNotification(number, "", id, timestamp, signature, bytes) { Type = type, Version = version };
    }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookIntakeEndpoint.Path)
        {
            Content = new ByteArrayContent(Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(EventSubHeaders.MessageId, MessageId);
        request.Headers.Add(EventSubHeaders.MessageRetry, "0");
        request.Headers.Add(EventSubHeaders.MessageType, EventSubMessageTypes.Notification);
        request.Headers.Add(EventSubHeaders.MessageTimestamp, Timestamp);
        request.Headers.Add(EventSubHeaders.SubscriptionType, Type);
        request.Headers.Add(EventSubHeaders.SubscriptionVersion, Version);
        request.Headers.Add(EventSubHeaders.MessageSignature, Signature);
        return request;
    }
}
