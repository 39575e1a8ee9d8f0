using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Slash commands and interactions: bulk overwrite of commands (validated as Discord does), interactions a
/// test creates and dispatches over the fake gateway, and the answers to them, with Discord's rules: one initial
/// answer within 3 s (10062 after, 40060 for a second), @original edits only after an answer, within 15 minutes.
/// https://discord.com/developers/docs/interactions/receiving-and-responding</summary>
public sealed partial class FakeDiscord
{
    private static readonly TimeSpan AnswerWindow = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, JsonArray> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeInteraction> interactions = new(StringComparer.Ordinal);
    private long lastInteraction = 800000000000000000;

    /// <summary>The application id the fake accepts for command routes (the fake gateway's default too).</summary>
    public string ApplicationId { get; set; } = "500000000000000001";

    /// <summary>The commands registered globally (null) or in a guild, as last sent; null when never registered.
    /// </summary>
    public JsonArray? Commands(string? guildId = null)
    {
        lock (gate)
        {
            return commands.TryGetValue(guildId ?? "", out var list) ? (JsonArray)list.DeepClone() : null;
        }
    }

    public FakeInteraction? Interaction(string id)
    {
        lock (gate)
        {
            return interactions.TryGetValue(id, out var found) ? found.Snapshot() : null;
        }
    }

    /// <summary>Creates a <c>/twitch SUBCOMMAND</c> interaction (type 2) and returns its INTERACTION_CREATE data for
    /// the fake gateway to dispatch. <paramref name="permissions"/> is the member's permission bitfield.</summary>
    public JsonObject NewCommandInteraction(
        string guildId,
        string userId,
        ulong permissions,
        string subcommand,
        IReadOnlyDictionary<string, string>? options = null,
        string command = "twitch",
        int type = 2,
        string? focused = null)
    {
        var values = new JsonArray([.. (options ?? new Dictionary<string, string>()).Select(o =>
        {
            var option = new JsonObject { ["name"] = o.Key, ["type"] = 3, ["value"] = o.Value };
            if (o.Key == focused)
            {
                option["focused"] = true;
            }

            return (JsonNode)option;
        })]);
        FakeInteraction interaction;
        lock (gate)
        {
            var id = (++lastInteraction).ToString(CultureInfo.InvariantCulture);
            interaction = new FakeInteraction(id, $"itoken{id}", type, this.options.TimeProvider.GetUtcNow());
            interactions[id] = interaction;
        }

        return new JsonObject
        {
            ["id"] = interaction.Id,
            ["application_id"] = ApplicationId,
            ["type"] = type,
            ["token"] = interaction.Token,
            ["version"] = 1,
            ["guild_id"] = guildId,
            ["channel_id"] = "910000000000000099",
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = "member" + userId[^4..] },
                ["roles"] = new JsonArray(),
                ["permissions"] = permissions.ToString(CultureInfo.InvariantCulture),
            },
            ["data"] = new JsonObject
            {
                ["id"] = "810000000000000001",
                ["name"] = command,
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject
                {
                    ["name"] = subcommand,
                    ["type"] = 1,
                    ["options"] = values,
                }),
            },
        };
    }

    /// <summary>Under no lock: answers a command or interaction route.</summary>
    private FakeDiscordAnswer HandleInteraction(RecordedDiscordRequest request, FakeInteractionRoute route)
    {
        var contentType = request.Header("Content-Type") ?? "";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body");
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body);
        }
        catch (JsonException)
        {
            return FakeDiscordAnswer.Error(400, 50109, "The request body contains invalid JSON.");
        }

        lock (gate)
        {
            return route.Kind switch
            {
                FakeInteractionKind.OverwriteCommands => OverwriteCommands(route, body),
                FakeInteractionKind.Callback => Callback(route, body as JsonObject),
                _ => EditOriginal(route, body as JsonObject),
            };
        }
    }

    private FakeDiscordAnswer OverwriteCommands(FakeInteractionRoute route, JsonNode? body)
    {
        if (route.ApplicationId != ApplicationId)
        {
            return FakeDiscordAnswer.Error(403, 50001, "Missing Access");
        }

        if (route.GuildId is { } guildId && !guilds.ContainsKey(guildId))
        {
            return FakeDiscordAnswer.Error(403, 50001, "Missing Access");
        }

        if (body is not JsonArray list || list.Count > 100)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body");
        }

        foreach (var command in list)
        {
            var problem = command is JsonObject definition ? CommandProblem(definition, depth: 0) : "not an object";
            if (problem is not null)
            {
                return FakeDiscordAnswer.Error(400, 50035, $"Invalid Form Body ({problem})");
            }
        }

        var names = list.Select(c => c!["name"]!.GetValue<string>()).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body (duplicate command names)");
        }

        var stored = (JsonArray)list.DeepClone();
        var n = 0;
        foreach (var command in stored.OfType<JsonObject>())
        {
            command["id"] = (810000000000000001 + n++).ToString(CultureInfo.InvariantCulture);
            command["application_id"] = ApplicationId;
        }

        commands[route.GuildId ?? ""] = stored;
        return new FakeDiscordAnswer(200, stored.ToJsonString());
    }

    /// <summary>Discord's naming and length rules for commands and their options.
    /// https://discord.com/developers/docs/interactions/application-commands#application-command-object</summary>
    private static string? CommandProblem(JsonObject definition, int depth)
    {
        var name = definition["name"]?.GetValue<string>() ?? "";
        if (!CommandName().IsMatch(name) || name != name.ToLowerInvariant())
        {
            return $"name '{name}' must be 1-32 lower-case letters, digits, - or _";
        }

        var description = definition["description"]?.GetValue<string>() ?? "";
        if (description.Length is < 1 or > 100)
        {
            return $"description of '{name}' must be 1-100 characters";
        }

        var options = definition["options"] as JsonArray ?? [];
        if (options.Count > 25 || depth > 2)
        {
            return $"'{name}' has too many options or levels";
        }

        var required = true;
        foreach (var option in options.OfType<JsonObject>())
        {
            var isRequired = option["required"]?.GetValue<bool>() ?? false;
            if (isRequired && !required)
            {
                return "required options must come before optional ones";
            }

            required = isRequired;
            if (CommandProblem(option, depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private FakeDiscordAnswer Callback(FakeInteractionRoute route, JsonObject? body)
    {
        if (!interactions.TryGetValue(route.InteractionId!, out var interaction)
            || interaction.Token != route.Token
            || options.TimeProvider.GetUtcNow() - interaction.CreatedAt > AnswerWindow)
        {
            return FakeDiscordAnswer.Error(404, 10062, "Unknown interaction");
        }

        if (interaction.CallbackType is not null)
        {
            return FakeDiscordAnswer.Error(400, 40060, "Interaction has already been acknowledged.");
        }

        var type = body?["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : 0;
        var allowed = interaction.Type == 4 ? type == 8 : type is 4 or 5;
        if (!allowed)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body (interaction callback type)");
        }

        var data = body!["data"] as JsonObject;
        if (type == 4 && (data is null || FakeMessageRules.Check(data, isCreate: true) is not null))
        {
            return data is null
                ? FakeDiscordAnswer.Error(400, 50006, "Cannot send an empty message")
                : FakeMessageRules.Check(data, isCreate: true)!;
        }

        if (type == 8 && (data?["choices"] as JsonArray)?.Count > 25)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body (more than 25 choices)");
        }

        interaction.CallbackType = type;
        interaction.Data = (JsonObject?)data?.DeepClone();
        return FakeDiscordAnswer.NoContent();
    }

    private FakeDiscordAnswer EditOriginal(FakeInteractionRoute route, JsonObject? body)
    {
        var interaction = interactions.Values.FirstOrDefault(i => i.Token == route.Token);
        if (route.ApplicationId != ApplicationId || interaction is null)
        {
            return FakeDiscordAnswer.Error(404, 10015, "Unknown Webhook");
        }

        if (options.TimeProvider.GetUtcNow() - interaction.CreatedAt > TokenLifetime)
        {
            return FakeDiscordAnswer.Error(401, 50027, "Invalid Webhook Token");
        }

        if (interaction.CallbackType is not (4 or 5))
        {
            return FakeDiscordAnswer.Error(404, 10008, "Unknown Message");
        }

        if (body is null)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body");
        }

        if (FakeMessageRules.Check(body, isCreate: false) is { } invalid)
        {
            return invalid;
        }

        interaction.Edits.Add((JsonObject)body.DeepClone());
        return FakeDiscordAnswer.Ok(new JsonObject { ["id"] = interaction.Id, ["content"] = body["content"] });
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex CommandName();
}

/// <summary>An interaction and how it was answered: the initial callback (type and data) and any @original edits.
/// </summary>
public sealed class FakeInteraction(string id, string token, int type, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string Token { get; } = token;

    /// <summary>2 for a command, 4 for autocomplete.</summary>
    public int Type { get; } = type;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>4 (message), 5 (deferred), 8 (autocomplete choices); null while unanswered.</summary>
    public int? CallbackType { get; internal set; }

    public JsonObject? Data { get; internal set; }

    public List<JsonObject> Edits { get; } = [];

    /// <summary>What the member sees: the last edit, else the initial message.</summary>
    public JsonObject? Shown => Edits.Count > 0 ? Edits[^1] : CallbackType == 4 ? Data : null;

    public string? Content => Shown?["content"]?.GetValue<string>();

    /// <summary>Ephemeral (64) is set on the initial answer and kept by edits.</summary>
    public bool Ephemeral => ((Data?["flags"]?.GetValue<int>() ?? 0) & 64) != 0;

    internal FakeInteraction Snapshot()
    {
        var copy = new FakeInteraction(Id, Token, Type, CreatedAt)
        {
            CallbackType = CallbackType,
            Data = (JsonObject?)Data?.DeepClone(),
        };
        copy.Edits.AddRange(Edits.Select(e => (JsonObject)e.DeepClone()));
        return copy;
    }
}
