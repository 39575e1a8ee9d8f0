using System.Text.Json;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Roles.Subscribers;

/// <summary>Turns the three subscription notifications into <see cref="SubscriberEvent"/> rows, in the dispatcher's
/// transaction: no lookup, no Discord call, so alerts are not slowed.
/// https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#channelsubscribe</summary>
internal static class SubscriberEvents
{
    public static bool Plan(RelayDbContext db, InboxNotification notification, DateTimeOffset now)
    {
        var isEnd = notification.SubscriptionType == "channel.subscription.end";
        if (notification.SubscriptionType is not ("channel.subscribe" or "channel.subscription.message")
            && !isEnd)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(notification.Body);
            var e = document.RootElement.GetProperty("event");
            var user = Text(e, "user_id");
            var broadcaster = Text(e, "broadcaster_user_id");
            var tier = Text(e, "tier");
            if (user is null || broadcaster is null || tier is null)
            {
                return false;
            }

            db.SubscriberEvents.Add(new SubscriberEvent
            {
                BroadcasterId = broadcaster,
                TwitchUserId = user,
                Tier = tier,
                IsGift = e.TryGetProperty("is_gift", out var gift) && gift.ValueKind == JsonValueKind.True,
                IsEnd = isEnd,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            return true;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException
            or InvalidOperationException)
        {
            // A body the parser rejects is reported by the alert path; no role work for it.
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
