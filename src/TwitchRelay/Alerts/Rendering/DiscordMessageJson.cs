using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwitchRelay.Alerts;

/// <summary>Serializes <see cref="DiscordMessage"/> as Discord expects it: snake_case, nulls left out.</summary>
public static class DiscordMessageJson
{
    /// <summary>The JSON body for a create-message, edit-message or execute-webhook request.</summary>
    public static string Serialize(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, AlertMessageJsonContext.Default.DiscordMessage);
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordMessage))]
internal sealed partial class AlertMessageJsonContext : JsonSerializerContext;
