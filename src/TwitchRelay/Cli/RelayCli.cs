using System.CommandLine;
using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

namespace TwitchRelay.Cli;

/// <summary>The command line: <c>serve</c> (the default), <c>config import|export</c>, <c>replay</c>,
/// <c>activity</c>, <c>migrate</c>.</summary>
public static class RelayCli
{
    public static async Task<int> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? overrides = null,
        TextWriter? output = null,
        TextWriter? error = null)
    {
        var cli = new CliContext(overrides, output ?? Console.Out, error ?? Console.Error);
        var root = new RootCommand("TwitchRelay: Twitch EventSub notifications in, Discord alerts out.");
        var serve = new Command("serve", "Run the service (the default when no verb is given).");
        serve.SetAction((_, token) => ServeAsync(overrides, token));
        root.SetAction((_, token) => ServeAsync(overrides, token));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ConfigCommands.Create(cli));
        root.Subcommands.Add(ReplayCommand.Create(cli));
        root.Subcommands.Add(ActivityCommand.Create(cli));
        root.Subcommands.Add(MigrateCommand.Create(cli));

        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (OptionsValidationException exception)
        {
            return ConfigurationError(exception, cli.Error);
        }
    }

    private static async Task<int> ServeAsync(IReadOnlyDictionary<string, string?>? overrides, CancellationToken token)
    {
        await using var app = RelayHost.BuildServer(overrides);
        await app.RunAsync(token);
        return 0;
    }

    /// <summary>A configuration mistake stops start-up with the setting's name, and nothing else.</summary>
    internal static int ConfigurationError(OptionsValidationException exception, TextWriter error)
    {
        foreach (var failure in exception.Failures)
        {
            error.WriteLine($"Configuration error: {failure}");
        }

        return ExitCodes.Configuration;
    }
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Configuration = 2;
}

/// <summary>What every verb gets: configuration overrides (tests) and where to write.</summary>
internal sealed record CliContext(IReadOnlyDictionary<string, string?>? Overrides, TextWriter Out, TextWriter Error);
