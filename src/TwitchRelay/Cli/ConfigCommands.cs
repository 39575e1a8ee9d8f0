using System.CommandLine;
using TwitchRelay.Cli.Config;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Cli;

/// <summary><c>config import FILE</c> and <c>config export [--output FILE]</c>.</summary>
internal static class ConfigCommands
{
    public static Command Create(CliContext cli)
    {
        var config = new Command("config", "Alert rules as a versioned JSON file.");

        var file = new Argument<FileInfo>("FILE") { Description = "The rules file to load." };
        var import = new Command("import", "Check FILE completely, then replace the rules of every guild it lists.");
        import.Arguments.Add(file);
        import.SetAction((parse, token) => ToolHost.RunAsync(
            cli,
            (services, ct) => ImportAsync(cli, services, parse.GetValue(file)!, ct),
            token));

        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write here instead of to the console." };
        var export = new Command("export", "Write every guild's rules in the import format.");
        export.Options.Add(output);
        export.SetAction((parse, token) => ToolHost.RunAsync(
            cli,
            (services, ct) => ExportAsync(cli, services, parse.GetValue(output), ct),
            token));

        config.Subcommands.Add(import);
        config.Subcommands.Add(export);
        return config;
    }

    private static async Task<int> ImportAsync(
        CliContext cli,
        IServiceProvider services,
        FileInfo file,
        CancellationToken token)
    {
        if (!file.Exists)
        {
            await cli.Error.WriteLineAsync($"{file.FullName}: no such file");
            return ExitCodes.Failed;
        }

        var parsed = AlertConfigStore.Parse(await File.ReadAllTextAsync(file.FullName, token), out var errors);
        var store = ActivatorUtilities.CreateInstance<AlertConfigStore>(services);
        if (errors.Count == 0)
        {
            errors = await store.CheckAgainstAccountsAsync(parsed, token);
        }

        IReadOnlyDictionary<string, TwitchUser> followed = new Dictionary<string, TwitchUser>();
        if (errors.Count == 0)
        {
            var resolver = ActivatorUtilities.CreateInstance<FollowedChannelResolver>(services);
            (followed, errors) = await resolver.ResolveAsync(parsed, token);
        }

        if (errors.Count == 0)
        {
            errors = await ActivatorUtilities.CreateInstance<WebSocketFollowLimit>(services)
                .CheckAsync(parsed, followed, token);
        }

        if (errors.Count > 0)
        {
            await cli.Error.WriteLineAsync($"{file.Name}: {errors.Count} error(s); nothing was changed.");
            foreach (var error in errors)
            {
                await cli.Error.WriteLineAsync($"  {error}");
            }

            return ExitCodes.Failed;
        }

        var rules = await store.ImportAsync(parsed, token, followed);
        cli.Out.WriteLine($"Imported {parsed.Guilds!.Count} guild(s) and {rules} alert rule(s) from {file.Name}.");
        return ExitCodes.Ok;
    }

    private static async Task<int> ExportAsync(
        CliContext cli,
        IServiceProvider services,
        FileInfo? output,
        CancellationToken token)
    {
        var store = ActivatorUtilities.CreateInstance<AlertConfigStore>(services);
        var json = AlertConfigStore.Serialize(await store.ExportAsync(token));
        if (output is null)
        {
            cli.Out.WriteLine(json);
        }
        else
        {
            await File.WriteAllTextAsync(output.FullName, json + Environment.NewLine, token);
            await cli.Error.WriteLineAsync($"Wrote {output.FullName}");
        }

        return ExitCodes.Ok;
    }
}
