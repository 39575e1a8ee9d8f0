using System.Text.Json;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery;

/// <summary>Keeps each revocation with its reason, so the link's health can be shown and acted on.
/// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#revoking-your-subscription</summary>
public sealed partial class RevocationRecorder(ILogger<RevocationRecorder> logger)
{
    /// <summary>Adds the revocation to <paramref name="db"/>; returns the inbox outcome text.</summary>
    internal string Record(RelayDbContext db, InboxNotification notification)
    {
        try
        {
            using var document = JsonDocument.Parse(notification.Body);
            var subscription = document.RootElement.GetProperty("subscription");
            var revocation = new EventSubRevocation
            {
                SubscriptionId = subscription.GetProperty("id").GetString() ?? "",
                SubscriptionType = subscription.GetProperty("type").GetString() ?? notification.SubscriptionType,
                SubscriptionVersion = subscription.GetProperty("version").GetString() ?? "",
                Reason = subscription.GetProperty("status").GetString() ?? "unknown",
                Condition = subscription.TryGetProperty("condition", out var condition) ? condition.GetRawText() : "{}",
                RevokedAt = notification.MessageTimestamp,
            };
            db.Revocations.Add(revocation);
            LogRevoked(
                revocation.SubscriptionType,
                revocation.SubscriptionVersion,
                revocation.Reason,
                revocation.Condition);
            return $"revocation: {revocation.Reason}";
        }
        catch (Exception exception)
            when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadable(exception, notification.MessageId);
            return "malformed revocation";
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning,
        Message = "Twitch revoked the {Type} v{Version} subscription ({Reason}) for {Condition}")]
    private partial void LogRevoked(string type, string version, string reason, string condition);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Revocation {MessageId} could not be read")]
    private partial void LogUnreadable(Exception exception, string messageId);
}
