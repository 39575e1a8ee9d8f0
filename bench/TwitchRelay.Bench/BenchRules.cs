using System.Text.Json;
using TwitchRelay.Cli;

namespace TwitchRelay.Bench;

/// <summary>Imports one guild with the given alert rules through <c>config import</c>, with the settings the service
/// will run with, as a user would before starting it.</summary>
internal static class BenchRules
{
    public const string GuildId = "100000000000000001";

    public static async Task ImportAsync(
        ServiceFolder folder,
        IReadOnlyDictionary<string, string> environment,
        object[] alerts)
    {
        var rules = Path.Combine(folder.Path, "rules.json");
        await File.WriteAllTextAsync(rules, JsonSerializer.Serialize(new
        {
            version = 1,
            guilds = new[] { new { guildId = GuildId, broadcasterId = SignedNotification.BroadcasterId, alerts } },
        }));
        using var output = new StringWriter();
        var settings = environment.ToDictionary(
            x => x.Key.Replace("__", ":", StringComparison.Ordinal),
            x => (string?)x.Value);
        var code = await RelayCli.RunAsync(["config", "import", rules], settings, output, output);
        if (code != 0)
        {
            throw new InvalidOperationException($"config import exited {code}: {output}");
        }
    }
}
