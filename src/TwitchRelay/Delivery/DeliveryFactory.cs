using TwitchRelay.Alerts;
using TwitchRelay.Storage.Entities;
using DeliveryRow = TwitchRelay.Storage.Entities.AlertDelivery;

namespace TwitchRelay.Delivery;

/// <summary>Renders one alert for one rule into the delivery row that owes it.</summary>
internal static class DeliveryFactory
{
    public static DeliveryRow Create(
        InboxNotification notification,
        AlertEvent alert,
        AlertRule rule,
        DateTimeOffset now)
    {
        var message = AlertRenderer.Render(alert, new RenderOptions(rule.MentionRoleIdList, rule.Template));
        return new DeliveryRow
        {
            InboxId = notification.Id,
            RuleId = rule.Id,
            GuildId = rule.GuildId,
            EventKey = alert.EventKey,
            LaneKey = rule.LaneKey,
            ThreadKey = alert.Thread?.Key,
            ThreadStage = alert.Thread?.Stage ?? 0,
            EventTime = notification.MessageTimestamp,
            Body = DiscordMessageJson.Serialize(message),
            Nonce = DeliveryNonce.For(notification.MessageId, rule.Id),
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
