using System.Text.Json.Nodes;

namespace TwitchRelay.Discord.Commands;

/// <summary>The bot's slash commands: one <c>/twitch</c> command with a subcommand per action, sent whole by bulk
/// overwrite so the registered set always equals this one.
/// https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
/// </summary>
internal static class SlashCommands
{
    public const string Root = "twitch";
    public const string Status = "status";
    public const string Test = "test";
    public const string Link = "link";
    public const string Connect = "connect";
    public const string Disconnect = "disconnect";
    public const string EventOption = "event";

    private const int ChatInput = 1;
    private const int SubCommand = 1;
    private const int StringOption = 3;

    /// <summary>Only in guilds (context 0), installed to the guild (integration type 0).
    /// https://discord.com/developers/docs/interactions/application-commands#interaction-contexts</summary>
    public static JsonArray Definitions() =>
    [
        new JsonObject
        {
            ["name"] = Root,
            ["type"] = ChatInput,
            ["description"] = "Twitch alerts and subscriber roles",
            ["contexts"] = new JsonArray(0),
            ["integration_types"] = new JsonArray(0),
            ["options"] = new JsonArray(
                Sub(Status, "Link health, enabled events and the last alert (admins)"),
                Sub(Test, "Post a test alert for an event through the real pipeline (admins)", new JsonObject
                {
                    ["name"] = EventOption,
                    ["type"] = StringOption,
                    ["description"] = "Event key, e.g. follow, raid, subscription.new",
                    ["required"] = true,
                    ["autocomplete"] = true,
                    ["max_length"] = 40,
                }),
                Sub(Link, "The link to manage this server's alerts (admins, private)"),
                Sub(Connect, "Connect your Twitch account to get your subscriber roles (private)"),
                Sub(Disconnect, "Disconnect your Twitch account and remove your subscriber roles (private)")),
        },
    ];

    private static JsonObject Sub(string name, string description, params JsonNode[] options) => new()
    {
        ["name"] = name,
        ["type"] = SubCommand,
        ["description"] = description,
        ["options"] = new JsonArray(options),
    };
}
