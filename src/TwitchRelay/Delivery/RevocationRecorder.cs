using System.Text.Json;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Delivery;

/// <summary>Keeps each revocation with its reason, so the link's health can be shown and acted on.
/// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#revoking-your-subscription</summary>
public sealed partial class RevocationRecorder(ILogger<RevocationRecorder> logger)
{
    /// <summary>Reasons that mean the streamer's grant is gone, not just one subscription.</summary>
    private static readonly HashSet<string> AccessGone = new(StringComparer.Ordinal)
    {
        "authorization_revoked", "user_removed",
    };

    /// <summary>Adds the revocation to <paramref name="db"/>; returns the inbox outcome text. When access is gone,
    /// the broadcaster and reason are added to <paramref name="brokenLinks"/>.</summary>
    internal string Record(
        RelayDbContext db,
        InboxNotification notification,
        List<(string, string, DateTimeOffset)> brokenLinks)
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
                Condition = subscription.TryGetProperty("condition", out var condition)
                    ? JsonSerializer.Serialize(condition)
                    : "{}",
                RevokedAt = notification.MessageTimestamp,
            };
            db.Revocations.Add(revocation);
            if (AccessGone.Contains(revocation.Reason) && BroadcasterOf(condition) is { } broadcaster)
            {
                brokenLinks.Add((broadcaster, $"Twitch revoked the subscriptions ({revocation.Reason})",
                    notification.MessageTimestamp));
            }

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

    /// <summary>The streamer a subscription was for, whichever condition key names them.</summary>
    internal static string? BroadcasterOf(JsonElement condition)
    {
        foreach (var key in new[] { "broadcaster_user_id", "to_broadcaster_user_id", "user_id" })
        {
            if (condition.ValueKind == JsonValueKind.Object
                && condition.TryGetProperty(key, out var value)
                && value.GetString() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 2410, Level = LogLevel.Warning,
        Message = "Twitch revoked the {Type} v{Version} subscription ({Reason}) for {Condition}")]
    private partial void LogRevoked(string type, string version, string reason, string condition);

    [LoggerMessage(EventId = 2411, Level = LogLevel.Warning, Message = "Revocation {MessageId} could not be read")]
    private partial void LogUnreadable(Exception exception, string messageId);
}
