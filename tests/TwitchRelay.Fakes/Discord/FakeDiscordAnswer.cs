using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Discord;

/// <summary>The fake's reply to one request: a status, an optional JSON body and extra headers.</summary>
internal sealed record FakeDiscordAnswer(int Status, string? Json)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static FakeDiscordAnswer Error(int status, int code, string message, JsonObject? errors = null)
    {
        var body = new JsonObject { ["message"] = message, ["code"] = code };
        if (errors is not null)
        {
            body["errors"] = errors;
        }

        return new FakeDiscordAnswer(status, body.ToJsonString());
    }

    public static FakeDiscordAnswer Ok(JsonNode body) => new(200, body.ToJsonString());

    public static FakeDiscordAnswer NoContent() => new(204, null);

    public FakeDiscordAnswer WithHeaders(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            Headers[name] = value;
        }

        return this;
    }
}
