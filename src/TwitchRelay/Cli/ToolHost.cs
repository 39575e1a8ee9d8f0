using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;

namespace TwitchRelay.Cli;

/// <summary>Runs a verb against the same configuration and database as the service, schema brought up to date.
/// </summary>
internal static class ToolHost
{
    public static async Task<int> RunAsync(
        CliContext cli,
        Func<IServiceProvider, CancellationToken, Task<int>> verb,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = RelayHost.BuildTool(cli.Overrides);
            RelayServices.ValidateOptions(host.Services);
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return await verb(host.Services, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            return RelayCli.ConfigurationError(exception, cli.Error);
        }
    }
}
