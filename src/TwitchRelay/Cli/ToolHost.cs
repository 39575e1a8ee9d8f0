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
            ValidateOptions(host.Services);
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            return await verb(host.Services, cancellationToken);
        }
        catch (OptionsValidationException exception)
        {
            return RelayCli.ConfigurationError(exception, cli.Error);
        }
    }

    /// <summary>A host that is never started does not run ValidateOnStart: ask for each option once instead.</summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Twitch.TwitchOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Discord.DiscordOptions>>().Value;
        _ = services.GetRequiredService<IOptions<DataProtectionSettings>>().Value;
    }
}
