using System.Text.Json;

namespace TwitchRelay.Fakes.Discord;

/// <summary>How the fake gateway behaves. Properties may change while it runs.</summary>
public sealed class FakeDiscordGatewayOptions
{
    public string BotToken { get; set; } = "fake-bot-token";

    public string ApplicationId { get; set; } = "500000000000000001";

    public string BotUserId { get; set; } = "500000000000000002";

    /// <summary>The heartbeat_interval sent in Hello, in milliseconds (Discord's is about 41250).</summary>
    public int HeartbeatIntervalMs { get; set; } = 41250;

    /// <summary>False to stop answering heartbeats with op 11, so the client's zombie check can be tested.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>The next this many identifies are answered with op 9 (d=false), as Discord does to a bot that
    /// identifies too fast.</summary>
    public int InvalidSessionsOnIdentify { get; set; }

    /// <summary>Intents the application may use; a privileged one outside this set closes with 4014.</summary>
    public int AllowedPrivilegedIntents { get; set; }

    /// <summary>The guilds the bot is in: listed in READY and sent as GUILD_CREATE after it.</summary>
    public List<(string Id, string Name)> Guilds { get; } = [];
}

public enum FakeGatewayRecordKind
{
    Connected,
    HelloSent,
    ClientSent,
    ServerSent,
    ClosedByServer,
    ClosedByClient,
    Dropped,
}

/// <summary>Something that happened, in order. For <see cref="FakeGatewayRecordKind.ClientSent"/> and
/// <see cref="FakeGatewayRecordKind.ServerSent"/>, <see cref="Op"/> and <see cref="Json"/> are the payload's opcode
/// and whole text, <see cref="Type"/> its dispatch name. <see cref="Detail"/> is the request path of a connection.
/// </summary>
public sealed record FakeGatewayRecord(
    long Sequence,
    DateTimeOffset Time,
    int Connection,
    FakeGatewayRecordKind Kind,
    int? Op = null,
    string? Type = null,
    string? Json = null,
    int? CloseCode = null,
    string? Detail = null)
{
    /// <summary>The payload's <c>d</c>.</summary>
    public JsonElement Data
    {
        get
        {
            using var document = JsonDocument.Parse(Json ?? "{}");
            return document.RootElement.TryGetProperty("d", out var d) ? d.Clone() : default;
        }
    }
}
