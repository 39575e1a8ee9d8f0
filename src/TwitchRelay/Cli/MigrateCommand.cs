using System.CommandLine;

namespace TwitchRelay.Cli;

/// <summary><c>migrate</c>: bring the database schema up to date and exit (every verb does this first anyway).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("migrate", "Create or upgrade the database schema, then exit.");
        command.SetAction((_, token) => ToolHost.RunAsync(
            cli,
            (_, _) =>
            {
                cli.Out.WriteLine("The database schema is up to date.");
                return Task.FromResult(ExitCodes.Ok);
            },
            token));
        return command;
    }
}
