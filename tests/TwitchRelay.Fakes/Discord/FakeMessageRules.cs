using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Discord's message limits, answered with its 50035 error tree or 50006.
/// https://discord.com/developers/docs/resources/message#create-message (limits: .../message#embed-object-embed-limits)
/// </summary>
internal static class FakeMessageRules
{
    private const int MaxContent = 2000;
    private const int MaxEmbeds = 10;
    private const int MaxEmbedTotal = 6000;
    private const int MaxNonce = 25;

    public static FakeDiscordAnswer? Check(JsonObject body, bool isCreate)
    {
        var errors = new JsonObject();
        CheckNonce(body, errors);
        var content = Text(body["content"]);
        if (Length(content) > MaxContent)
        {
            Add(errors, ["content"], "BASE_TYPE_MAX_LENGTH", $"Must be {MaxContent} or fewer in length.");
        }

        var embeds = body["embeds"] as JsonArray;
        if (embeds is not null)
        {
            CheckEmbeds(embeds, errors);
        }

        if (errors.Count > 0)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body", errors);
        }

        var empty = string.IsNullOrWhiteSpace(content)
            && embeds is null or { Count: 0 }
            && body["components"] is null or JsonArray { Count: 0 }
            && body["sticker_ids"] is null
            && body["poll"] is null
            && body["attachments"] is null;
        return isCreate && empty ? FakeDiscordAnswer.Error(400, 50006, "Cannot send an empty message") : null;
    }

    private static void CheckNonce(JsonObject body, JsonObject errors)
    {
        var nonce = body["nonce"];
        if (nonce is null)
        {
            return;
        }

        var ok = nonce.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => nonce.GetValue<string>().Length <= MaxNonce,
            System.Text.Json.JsonValueKind.Number => true,
            _ => false,
        };
        if (!ok)
        {
            Add(errors, ["nonce"], "BASE_TYPE_MAX_LENGTH", $"Must be {MaxNonce} or fewer in length.");
        }
    }

    private static void CheckEmbeds(JsonArray embeds, JsonObject errors)
    {
        if (embeds.Count > MaxEmbeds)
        {
            Add(errors, ["embeds"], "BASE_TYPE_MAX_LENGTH", $"Must be {MaxEmbeds} or fewer in length.");
            return;
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject embed)
            {
                Add(errors, ["embeds", Index(i)], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
                continue;
            }

            var at = Index(i);
            total += Limit(errors, Text(embed["title"]), 256, "embeds", at, "title");
            total += Limit(errors, Text(embed["description"]), 4096, "embeds", at, "description");
            total += Limit(errors, Text(embed["footer"]?["text"]), 2048, "embeds", at, "footer", "text");
            total += Limit(errors, Text(embed["author"]?["name"]), 256, "embeds", at, "author", "name");
            total += CheckFields(embed["fields"] as JsonArray, errors, at);
        }

        if (total > MaxEmbedTotal)
        {
            Add(errors, ["embeds"], "BASE_TYPE_MAX_LENGTH", $"Embed size exceeds maximum size of {MaxEmbedTotal}");
        }
    }

    private static int CheckFields(JsonArray? fields, JsonObject errors, string at)
    {
        if (fields is null)
        {
            return 0;
        }

        if (fields.Count > 25)
        {
            Add(errors, ["embeds", at, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            return 0;
        }

        var total = 0;
        for (var f = 0; f < fields.Count; f++)
        {
            var name = Text(fields[f]?["name"]);
            var value = Text(fields[f]?["value"]);
            foreach (var (field, text) in new[] { ("name", name), ("value", value) })
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    string[] path = ["embeds", at, "fields", Index(f), field];
                    Add(errors, path, "BASE_TYPE_REQUIRED", "This field is required");
                }
            }

            total += Limit(errors, name, 256, "embeds", at, "fields", Index(f), "name");
            total += Limit(errors, value, 1024, "embeds", at, "fields", Index(f), "value");
        }

        return total;
    }

    private static int Limit(JsonObject errors, string? text, int max, params string[] path)
    {
        var length = Length(text);
        if (length > max)
        {
            Add(errors, path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }

        return length;
    }

    private static void Add(JsonObject errors, string[] path, string code, string message)
    {
        var node = errors;
        foreach (var segment in path)
        {
            if (node[segment] is not JsonObject child)
            {
                child = new JsonObject();
                node[segment] = child;
            }

            node = child;
        }

        if (node["_errors"] is not JsonArray list)
        {
            list = [];
            node["_errors"] = list;
        }

        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // Discord measures after trimming, in characters (code points), not UTF-16 units.
    private static int Length(string? text) => text is null ? 0 : text.Trim().EnumerateRunes().Count();

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
