using System.Text.Json.Nodes;

namespace TwitchRelay.Delivery;

/// <summary>When a shared message (a go-live post, a poll) is created from a newer state than its first, the first
/// state's pings must still go out: only a created message notifies anyone, edits never do
/// (https://discord.com/developers/docs/resources/message#allowed-mentions-object). So the message is created with
/// the union of the <c>allowed_mentions</c> of the states it replaces. Its text already names the roles: edits keep
/// the mentions in the text and only stop them from pinging.</summary>
internal static class CreatedMessageMentions
{
    private const string Key = "allowed_mentions";

    /// <summary>The body of <paramref name="newest"/> allowing every mention the replaced states allowed; the body
    /// unchanged when they allowed nothing more.</summary>
    public static string Keep(string newest, IEnumerable<string> replaced)
    {
        if (JsonNode.Parse(newest) is not JsonObject message || message[Key] is not JsonObject allowed)
        {
            // No allowed_mentions at all: Discord lets every mention in the text ping.
            return newest;
        }

        var changed = false;
        foreach (var body in replaced.Where(x => x.Length > 0))
        {
            if (JsonNode.Parse(body)?[Key] is JsonObject older)
            {
                changed |= Union(allowed, older, "parse")
                    | Union(allowed, older, "roles")
                    | Union(allowed, older, "users");
            }
        }

        return changed ? message.ToJsonString() : newest;
    }

    private static bool Union(JsonObject into, JsonObject from, string name)
    {
        if (from[name] is not JsonArray add || add.Count == 0)
        {
            return false;
        }

        if (into[name] is not JsonArray values)
        {
            values = [];
            into[name] = values;
        }

        var known = values.Select(x => x?.ToJsonString()).ToHashSet(StringComparer.Ordinal);
        var changed = false;
        foreach (var value in add.Where(x => x is not null && known.Add(x.ToJsonString())))
        {
            values.Add(value!.DeepClone());
            changed = true;
        }

        return changed;
    }
}
