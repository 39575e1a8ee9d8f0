using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>The fake's reply to one request: a status, an optional JSON body, a redirect and extra headers.</summary>
internal sealed record FakeTwitchAnswer(int Status, string? Json, string? Location = null)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>id.twitch.tv's error shape: <c>{"status":400,"message":"..."}</c>.</summary>
    public static FakeTwitchAnswer OAuthError(int status, string message) =>
        new(status, new JsonObject { ["status"] = status, ["message"] = message }.ToJsonString());

    /// <summary>Helix's error shape: <c>{"error":"Bad Request","status":400,"message":"..."}</c>.
    /// https://dev.twitch.tv/docs/api/guide/</summary>
    public static FakeTwitchAnswer HelixError(int status, string message) =>
        new(status, new JsonObject
        {
            ["error"] = ReasonPhrase(status),
            ["status"] = status,
            ["message"] = message,
        }.ToJsonString());

    public static FakeTwitchAnswer Ok(JsonNode body, int status = 200) => new(status, body.ToJsonString());

    public static FakeTwitchAnswer Empty(int status) => new(status, null);

    public static FakeTwitchAnswer Redirect(string location) => new(302, null, location);

    public FakeTwitchAnswer WithHeaders(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            Headers[name] = value;
        }

        return this;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        _ => "Internal Server Error",
    };
}
