using System.CommandLine;
using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

namespace TwitchRelay.Cli;

/// <summary>The command line: <c>serve</c> (the default), <c>config import|export</c>, <c>replay</c>,
/// <c>activity</c>, <c>migrate</c>, <c>twitch link|relink|unlink</c>, <c>doctor</c>.</summary>
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
        serve.SetAction((_, token) => ServeAsync(cli, token));
        root.SetAction((_, token) => ServeAsync(cli, token));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ConfigCommands.Create(cli));
        root.Subcommands.Add(ReplayCommand.Create(cli));
        root.Subcommands.Add(ActivityCommand.Create(cli));
        root.Subcommands.Add(MigrateCommand.Create(cli));
        root.Subcommands.Add(TwitchCommands.Create(cli));
        root.Subcommands.Add(DoctorCommand.Create(cli));

        var invocation = new InvocationConfiguration { Output = cli.Out, Error = cli.Error };
        return await root.Parse(args).InvokeAsync(invocation);
    }

    private static async Task<int> ServeAsync(CliContext cli, CancellationToken token)
    {
        try
        {
            await using var app = RelayHost.BuildServer(cli.Overrides);
            RelayServices.ValidateOptions(app.Services);
            await app.RunAsync(token);
            return ExitCodes.Ok;
        }
        catch (OptionsValidationException exception)
        {
            return ConfigurationError(exception, cli.Error);
        }
    }

    /// <summary>A configuration mistake stops start-up with the setting's name, and nothing else.</summary>
    internal static int ConfigurationError(OptionsValidationException exception, TextWriter error)
    {
        foreach (var failure in SettingNames.Describe(exception))
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
