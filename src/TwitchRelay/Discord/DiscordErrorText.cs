using System.Text;
using System.Text.Json;

namespace TwitchRelay.Discord;

/// <summary>Turns Discord's error bodies into reasons an operator can act on.
/// https://discord.com/developers/docs/reference#error-messages</summary>
internal static class DiscordErrorText
{
    private const int MaxFieldErrors = 10;

    public static async Task<DiscordErrorBody> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordErrorBody)
                ?? new DiscordErrorBody(null, null, null);
        }
        catch (JsonException)
        {
            // A proxy's HTML page or an empty body: the reason then names only the status.
            return new DiscordErrorBody(null, null, null);
        }
    }

    public static string Describe(DiscordRoute route, int status, DiscordErrorBody error)
    {
        if (route.Action is { } action)
        {
            return DescribeAction(action, status, error);
        }

        var place = route.UsesBotToken ? $"channel {route.MajorId}" : $"webhook {route.MajorId}";
        var what = route.Method == HttpMethod.Post ? "post" : route.Method == HttpMethod.Patch ? "edit" : "delete";
        return error.Code switch
        {
            DiscordFailed.MissingPermissionsCode =>
                $"Missing Permissions: the bot cannot {what} in {place} (needs View Channel and Send Messages)",
            DiscordFailed.UnknownChannelCode => $"Unknown Channel: {place} does not exist or the bot cannot see it",
            DiscordFailed.UnknownWebhookCode => $"Unknown Webhook: {place} was deleted or its token is wrong",
            DiscordFailed.UnknownMessageCode => $"Unknown Message: the message in {place} was deleted",
            _ => $"Discord refused the call ({status}{CodeText(error)}): {error.Message ?? "no message"}"
                + FieldErrors(error.Errors),
        };
    }

    private static string DescribeAction(string action, int status, DiscordErrorBody error) => error.Code switch
    {
        DiscordFailed.MissingPermissionsCode =>
            $"Missing Permissions: the bot cannot {action} (it needs Manage Roles, and its highest role must be above "
            + "the role)",
        DiscordFailed.UnknownGuildCode => $"Unknown Guild: the bot cannot {action}: it is not in that server",
        DiscordFailed.UnknownMemberCode => $"Unknown Member: cannot {action}: that user is not in the server",
        DiscordFailed.UnknownRoleCode => $"Unknown Role: cannot {action}: the role was deleted",
        _ => $"Discord refused to {action} ({status}{CodeText(error)}): {error.Message ?? "no message"}"
            + FieldErrors(error.Errors),
    };

    private static string CodeText(DiscordErrorBody error) => error.Code is { } code ? $", code {code}" : "";

    /// <summary>Flattens 50035's per-field tree ({"content": {"_errors": [{code, message}]}}) to "content: message".
    /// </summary>
    private static string FieldErrors(JsonElement? errors)
    {
        if (errors is not { ValueKind: JsonValueKind.Object } tree)
        {
            return "";
        }

        var lines = new List<string>();
        Collect(tree, "", lines);
        return lines.Count == 0 ? "" : " [" + string.Join("; ", lines.Take(MaxFieldErrors)) + "]";
    }

    private static void Collect(JsonElement node, string path, List<string> lines)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    var message = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("message", out var m)
                        ? m.GetString()
                        : item.ToString();
                    lines.Add($"{(path.Length == 0 ? "body" : path)}: {message}");
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                var child = new StringBuilder(path).Append(path.Length == 0 ? "" : ".").Append(property.Name);
                Collect(property.Value, child.ToString(), lines);
            }
        }
    }
}
