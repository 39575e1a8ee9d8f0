using System.Text.Json.Nodes;

namespace TwitchRelay.Discord.Commands;

/// <summary>Registers the slash commands and answers interactions, through the shared REST client (rate limits,
/// retries, error mapping). Interaction callbacks and edits are authorised by the interaction token in the path,
/// not the bot token. https://discord.com/developers/docs/interactions/receiving-and-responding</summary>
internal sealed class DiscordInteractionClient(DiscordRestClient rest)
{
    /// <summary>Flags: EPHEMERAL, seen only by the member who used the command.</summary>
    public const int Ephemeral = 1 << 6;

    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int AutocompleteResult = 8;

    /// <summary>Replaces every command of the application (globally, or in one guild) with
    /// <paramref name="commands"/>.</summary>
    public Task<DiscordResult> OverwriteCommandsAsync(
        string applicationId,
        string? guildId,
        JsonArray commands,
        CancellationToken ct)
    {
        var route = guildId is null
            ? new DiscordRoute(
                HttpMethod.Put,
                "/applications/{application_id}/commands",
                $"/applications/{Id(applicationId)}/commands",
                applicationId,
                true) { Action = "register the slash commands" }
            : new DiscordRoute(
                HttpMethod.Put,
                "/applications/{application_id}/guilds/{guild_id}/commands",
                $"/applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands",
                guildId,
                true) { Action = $"register the slash commands in server {guildId}" };
        return rest.SendAsync(route, commands.ToJsonString(), Done, ct);
    }

    /// <summary>Answers with a message (type 4).</summary>
    public Task<DiscordResult> ReplyAsync(Interaction interaction, InteractionReply reply, CancellationToken ct) =>
        CallbackAsync(interaction, new JsonObject { ["type"] = ChannelMessage, ["data"] = Message(reply) }, ct);

    /// <summary>Acknowledges now and answers later (type 5); Discord shows "thinking…" meanwhile.</summary>
    public Task<DiscordResult> DeferAsync(Interaction interaction, bool ephemeral, CancellationToken ct) =>
        CallbackAsync(
            interaction,
            new JsonObject
            {
                ["type"] = DeferredChannelMessage,
                ["data"] = new JsonObject { ["flags"] = ephemeral ? Ephemeral : 0 },
            },
            ct);

    /// <summary>Offers choices for an option being typed (type 8, at most 25).</summary>
    public Task<DiscordResult> SuggestAsync(
        Interaction interaction,
        IEnumerable<string> choices,
        CancellationToken ct) =>
        CallbackAsync(
            interaction,
            new JsonObject
            {
                ["type"] = AutocompleteResult,
                ["data"] = new JsonObject
                {
                    ["choices"] = new JsonArray([.. choices.Take(25).Select(c => (JsonNode)new JsonObject
                    {
                        ["name"] = c,
                        ["value"] = c,
                    })]),
                },
            },
            ct);

    /// <summary>Fills in a deferred answer: PATCH /webhooks/{application.id}/{token}/messages/@original.</summary>
    public Task<DiscordResult> EditOriginalAsync(
        Interaction interaction,
        InteractionReply reply,
        CancellationToken ct)
    {
        var route = new DiscordRoute(
            HttpMethod.Patch,
            "/webhooks/{application_id}/{interaction_token}/messages/@original",
            $"/webhooks/{Id(interaction.ApplicationId)}/{Uri.EscapeDataString(interaction.Token)}/messages/@original",
            interaction.ApplicationId,
            false) { Action = "finish a slash command answer", CountsTowardGlobalLimit = false };
        var body = Message(reply);
        body.Remove("flags");
        return rest.SendAsync(route, body.ToJsonString(), Done, ct);
    }

    private Task<DiscordResult> CallbackAsync(Interaction interaction, JsonObject body, CancellationToken ct)
    {
        var route = new DiscordRoute(
            HttpMethod.Post,
            "/interactions/{interaction_id}/{interaction_token}/callback",
            $"/interactions/{Id(interaction.Id)}/{Uri.EscapeDataString(interaction.Token)}/callback",
            interaction.Id,
            false) { Action = "answer a slash command", CountsTowardGlobalLimit = false };
        return rest.SendAsync(route, body.ToJsonString(), Done, ct);
    }

    /// <summary>Nothing a member types can ping anyone: <c>allowed_mentions.parse</c> is always empty.</summary>
    private static JsonObject Message(InteractionReply reply) => new()
    {
        ["content"] = reply.Content,
        ["flags"] = reply.Ephemeral ? Ephemeral : 0,
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
    };

    private static Task<DiscordResult> Done(DiscordRoute route, HttpResponseMessage response, CancellationToken ct) =>
        Task.FromResult<DiscordResult>(new DiscordDone());

    private static string Id(string id) =>
        Snowflake.IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a Discord snowflake.", nameof(id));
}
