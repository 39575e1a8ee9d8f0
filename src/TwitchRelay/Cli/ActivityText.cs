using System.Text.Json;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Cli;

/// <summary>How a delivery reads in the activity view.</summary>
internal static class ActivityText
{
    public static string Status(AlertDelivery delivery) => delivery.Status switch
    {
        DeliveryStatus.Delivered => $"delivered (message {delivery.DiscordMessageId})",
        DeliveryStatus.Pending when delivery.Attempts == 0 => "waiting to be sent",
        DeliveryStatus.Pending => $"waiting to retry at {delivery.NextAttemptAt:HH:mm:ss} "
            + $"(attempt {delivery.Attempts}: {delivery.LastError})",
        DeliveryStatus.Superseded => $"superseded: {delivery.LastError}",
        _ => $"failed: {delivery.LastError}",
    };

    /// <summary>One line of what the message says: its content and the first embed's title and description.</summary>
    public static string Preview(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
            {
                parts.Add(content.GetString()!);
            }

            if (root.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array
                && embeds.GetArrayLength() > 0)
            {
                var embed = embeds[0];
                foreach (var name in new[] { "title", "description" })
                {
                    if (embed.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        parts.Add(value.GetString()!);
                    }
                }
            }

            var line = string.Join(" | ", parts).ReplaceLineEndings(" ");
            return line.Length > 160 ? line[..159] + "…" : line;
        }
        catch (JsonException)
        {
            return "(unreadable message)";
        }
    }
}
