using System.Text.Json.Nodes;
using TwitchRelay.Alerts;

namespace TwitchRelay.Tests.Alerts;

/// <summary>Reads the sample notifications copied next to the tests (Payloads/ in the output folder).</summary>
internal static class SamplePayloads
{
    public static readonly DateTimeOffset MessageTime = new(2026, 11, 28, 19, 21, 7, 446, TimeSpan.Zero);

    public static string Read(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", file));

    /// <summary>Parses a sample with the type and version its own subscription object names.</summary>
    public static ParseResult Parse(string file) => ParseBody(Read(file));

    public static ParseResult ParseBody(string body)
    {
        var subscription = JsonNode.Parse(body)!["subscription"]!;
        return NotificationParser.Parse(
            subscription["type"]!.GetValue<string>(),
            subscription["version"]!.GetValue<string>(),
            body,
            MessageTime);
    }

    /// <summary>Parses a sample after <paramref name="edit"/> changed its event object.</summary>
    public static ParseResult ParseEdited(string file, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(Read(file))!.AsObject();
        edit(root["event"]!.AsObject());
        return ParseBody(root.ToJsonString());
    }

    public static AlertEvent Single(ParseResult result)
    {
        Assert.Equal(ParseOutcome.Events, result.Outcome);
        return Assert.Single(result.Events);
    }

    public static DiscordMessage Render(AlertEvent alert, string? template = null, params string[] roles) =>
        AlertRenderer.Render(alert, new RenderOptions(roles, template));

    /// <summary>Everything a reader sees: content, title, description, field names and values.</summary>
    public static string Text(DiscordMessage message)
    {
        var embed = Assert.Single(message.Embeds!);
        var fields = (embed.Fields ?? []).Select(f => $"{f.Name}: {f.Value}");
        return string.Join('\n', new[] { message.Content, embed.Title, embed.Description }.Concat(fields));
    }
}
