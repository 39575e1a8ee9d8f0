using System.Globalization;
using System.Text.Json;
using TwitchRelay.Discord.Guilds;

namespace TwitchRelay.Discord.Commands;

/// <summary>The parts of an INTERACTION_CREATE the commands use.
/// https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object</summary>
internal sealed record Interaction(
    string Id,
    string ApplicationId,
    string Token,
    int Type,
    string? GuildId,
    string? UserId,
    DiscordPermission MemberPermissions,
    string? CommandName,
    string? SubcommandName,
    IReadOnlyDictionary<string, string> Options,
    string? FocusedOption)
{
    public const int ApplicationCommand = 2;
    public const int Autocomplete = 4;

    /// <summary>Manage Server or Administrator, from the member's permissions in the channel (owners have all).
    /// </summary>
    public bool IsAdmin => (MemberPermissions & (DiscordPermission.Administrator | DiscordPermission.ManageGuild))
        != DiscordPermission.None;

    public static Interaction? Parse(JsonElement data)
    {
        if (Text(data, "id") is not { } id || Text(data, "token") is not { } token
            || Text(data, "application_id") is not { } applicationId
            || !data.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
        {
            return null;
        }

        string? userId = null;
        var permissions = DiscordPermission.None;
        if (data.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object)
        {
            userId = member.TryGetProperty("user", out var user) ? Text(user, "id") : null;
            if (Text(member, "permissions") is { } bits
                && ulong.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                permissions = (DiscordPermission)value;
            }
        }
        else if (data.TryGetProperty("user", out var dmUser))
        {
            userId = Text(dmUser, "id");
        }

        string? command = null;
        string? subcommand = null;
        string? focused = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.TryGetProperty("data", out var body) && body.ValueKind == JsonValueKind.Object)
        {
            command = Text(body, "name");
            if (body.TryGetProperty("options", out var list) && list.ValueKind == JsonValueKind.Array
                && list.GetArrayLength() > 0)
            {
                var first = list[0];
                subcommand = Text(first, "name");
                if (first.TryGetProperty("options", out var values) && values.ValueKind == JsonValueKind.Array)
                {
                    foreach (var option in values.EnumerateArray())
                    {
                        if (Text(option, "name") is { } name && option.TryGetProperty("value", out var v))
                        {
                            options[name] = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                            if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
                            {
                                focused = name;
                            }
                        }
                    }
                }
            }
        }

        return new Interaction(id, applicationId, token, type, Text(data, "guild_id"), userId, permissions, command,
            subcommand, options, focused);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>A reply: text only, private (ephemeral) or not. Replies never ping anyone.</summary>
internal sealed record InteractionReply(string Content, bool Ephemeral = true);
