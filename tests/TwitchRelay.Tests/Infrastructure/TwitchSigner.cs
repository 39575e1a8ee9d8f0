using System.Net.Http.Headers;
using System.Text;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Tests.Infrastructure;

/// <summary>Builds EventSub webhook requests the way Twitch does, signed with a secret.</summary>
internal static class TwitchSigner
{
    public static HttpRequestMessage Notification(
        string body,
        string? messageId = null,
        DateTimeOffset? sentAt = null,
        string secret = TestSecrets.EventSub,
        string messageType = EventSubMessageTypes.Notification)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var id = messageId ?? Guid.NewGuid().ToString();
        var timestamp = EventSubTimestamp.Format(sentAt ?? DateTimeOffset.UtcNow);
        var (type, version) = SubscriptionOf(body);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookIntakeEndpoint.Path)
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(EventSubHeaders.MessageId, id);
        request.Headers.Add(EventSubHeaders.MessageRetry, "0");
        request.Headers.Add(EventSubHeaders.MessageType, messageType);
        request.Headers.Add(EventSubHeaders.MessageTimestamp, timestamp);
        request.Headers.Add(EventSubHeaders.SubscriptionType, type);
        request.Headers.Add(EventSubHeaders.SubscriptionVersion, version);
        request.Headers.Add(
            EventSubHeaders.MessageSignature,
            EventSubSignature.Compute(Encoding.ASCII.GetBytes(secret), id, timestamp, bytes));
        return request;
    }

    private static (string Type, string Version) SubscriptionOf(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var subscription = document.RootElement.GetProperty("subscription");
        return (subscription.GetProperty("type").GetString()!, subscription.GetProperty("version").GetString()!);
    }
}
