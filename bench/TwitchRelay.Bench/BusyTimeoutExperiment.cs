using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;

namespace TwitchRelay.Bench;

/// <summary>The service unchanged but for one pragma on every SQLite connection, run as its own process like the
/// stock one. Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms and trying again; SQLite's own
/// busy handler (<c>PRAGMA busy_timeout</c>) waits in steps of a few milliseconds instead. The bench measures
/// both to show what the inbox writer loses when the dispatcher holds the write lock.
/// https://www.sqlite.org/pragma.html#pragma_busy_timeout</summary>
internal static class BusyTimeoutExperiment
{
    public const string Mode = "busy-timeout-service";

    public static async Task RunAsync()
    {
        await using var app = RelayHost.BuildServer(replaceServices: services =>
            services.ConfigureDbContext<SqliteRelayDbContext>(options =>
                options.AddInterceptors(new BusyTimeoutInterceptor())));
        await app.RunAsync();
    }

    private sealed class BusyTimeoutInterceptor : DbConnectionInterceptor
    {
        private const string Pragma = "PRAGMA busy_timeout=5000;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(
            DbConnection connection,
            ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
