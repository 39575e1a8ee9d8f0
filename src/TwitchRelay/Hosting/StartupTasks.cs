using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Hosting;

/// <summary>Runs before anything else starts (hosted services start in registration order, and before Kestrel
/// listens): the schema is brought up to date and the EventSub secret loaded.</summary>
internal sealed class StartupTasks(DatabaseMigrator migrator, EventSubSecretSource secrets) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await secrets.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
