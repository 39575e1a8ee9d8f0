namespace TwitchRelay.Fakes.Discord;

internal enum FakeInteractionKind
{
    OverwriteCommands,
    Callback,
    Original,
}

/// <summary>An application command or interaction route. Callbacks and @original edits carry the interaction
/// token in the path and need no bot token; command registration needs it.
/// https://discord.com/developers/docs/interactions/receiving-and-responding</summary>
internal sealed record FakeInteractionRoute(
    FakeInteractionKind Kind,
    string? ApplicationId,
    string? GuildId,
    string? InteractionId,
    string? Token)
{
    public static FakeDiscordRoute? Parse(string method, string[] parts, string bucket) => parts switch
    {
        ["applications", var app, "commands"] => new FakeDiscordRoute(app, null, null, bucket, method == "PUT")
        {
            Interaction = new(FakeInteractionKind.OverwriteCommands, app, null, null, null),
        },
        ["applications", var app, "guilds", var guild, "commands"] =>
            new FakeDiscordRoute(guild, null, null, bucket, method == "PUT")
            {
                Interaction = new(FakeInteractionKind.OverwriteCommands, app, guild, null, null),
            },
        ["interactions", var id, var token, "callback"] =>
            new FakeDiscordRoute(id, token, null, bucket, method == "POST")
            {
                Interaction = new(FakeInteractionKind.Callback, null, null, id, token),
            },
        ["webhooks", var app, var token, "messages", "@original"] =>
            new FakeDiscordRoute(app, token, "@original", bucket, method == "PATCH")
            {
                Interaction = new(FakeInteractionKind.Original, app, null, null, token),
            },
        _ => null,
    };
}
