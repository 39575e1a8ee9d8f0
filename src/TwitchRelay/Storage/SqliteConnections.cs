using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwitchRelay.Storage;

internal static class SqliteConnections
{
    public const string DefaultFileName = "twitchrelay.db";

    /// <summary>The default file lives in the working folder; a busy database is waited on, not failed.</summary>
    public static string Prepare(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultFileName}" : configured)
        {
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ToString();
    }
}

/// <summary>WAL lets readers run beside the one writer; a writer that finds the database busy waits its turn;
/// <c>synchronous=FULL</c> makes a commit survive a power cut, which is the promise the intake makes before it
/// answers Twitch
/// (https://www.sqlite.org/pragma.html#pragma_synchronous).
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    // busy_timeout: SQLite's own busy handler waits in small steps for the one writer to finish; without it
    // Microsoft.Data.Sqlite sleeps 150 ms per retry, which the bench saw as 200–1,200 ms intake stalls.
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
