using System.Text.Json;
using System.Text.Json.Nodes;

namespace TwitchRelay.Discord.Gateway;

/// <summary>Gateway opcodes. https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway</summary>
internal static class GatewayOpcodes
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int PresenceUpdate = 3;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>Intents. Only GUILDS: it brings GUILD_CREATE / GUILD_DELETE, and interactions arrive whatever the
/// intents. No privileged intent is asked for. https://discord.com/developers/docs/events/gateway#gateway-intents
/// </summary>
internal static class GatewayIntents
{
    public const int Guilds = 1 << 0;
}

/// <summary>One gateway payload <c>{op, d, s, t}</c>; <see cref="Data"/> is detached from the parsed document.
/// https://discord.com/developers/docs/events/gateway-events#payload-structure</summary>
internal sealed record GatewayPayload(int Op, JsonElement Data, long? Sequence, string? Type)
{
    public static GatewayPayload? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var op) || !op.TryGetInt32(out var code))
            {
                return null;
            }

            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number
                ? s.GetInt64()
                : null;
            var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()
                : null;
            return new GatewayPayload(code, data, sequence, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Heartbeat(long? sequence) =>
        new JsonObject { ["op"] = GatewayOpcodes.Heartbeat, ["d"] = sequence }.ToJsonString();

    /// <summary>https://discord.com/developers/docs/events/gateway-events#identify</summary>
    public static string Identify(string token, int intents, JsonObject presence) => new JsonObject
    {
        ["op"] = GatewayOpcodes.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject
            {
                ["os"] = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux",
                ["browser"] = "TwitchRelay",
                ["device"] = "TwitchRelay",
            },
            ["presence"] = presence,
        },
    }.ToJsonString();

    /// <summary>https://discord.com/developers/docs/events/gateway-events#resume</summary>
    public static string Resume(string token, string sessionId, long? sequence) => new JsonObject
    {
        ["op"] = GatewayOpcodes.Resume,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = sequence },
    }.ToJsonString();

    /// <summary>"Watching Twitch": activity type 3 is Watching.
    /// https://discord.com/developers/docs/events/gateway-events#update-presence</summary>
    public static JsonObject Presence(string watching) => new()
    {
        ["since"] = null,
        ["activities"] = new JsonArray(new JsonObject { ["name"] = watching, ["type"] = 3 }),
        ["status"] = "online",
        ["afk"] = false,
    };
}

/// <summary>A dispatch (op 0) handed to <see cref="IGatewayDispatchListener"/>s.</summary>
public sealed record GatewayDispatch(string Type, JsonElement Data);

/// <summary>Told of every dispatch the gateway receives (READY, INTERACTION_CREATE, ...). Called on the gateway's
/// read loop: return quickly and move slow work elsewhere, or heartbeats stall.</summary>
public interface IGatewayDispatchListener
{
    ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken);
}
