using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace TwitchRelay.Bench;

/// <summary>The inbox writer's statement on its own: same pragmas, same multi-row INSERT … ON CONFLICT …
/// RETURNING, one transaction per batch, no HTTP and no dispatcher beside it. It tells how many rows per second
/// SQLite itself can make durable at a given batch size on this disk, to set against the intake's figure.</summary>
internal static class StorageProbe
{
    private const int Rows = 10_000;
    private static readonly int[] BatchSizes = [1, 20, 64, 256];

    public static async Task RunAsync(BenchReport report)
    {
        var body = Encoding.UTF8.GetString(SignedNotification.Create(0, 1)[0].Body);
        foreach (var size in BatchSizes)
        {
            using var folder = new ServiceFolder();
            await using var connection = new SqliteConnection(folder.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                CREATE TABLE "inbox" ("Id" INTEGER PRIMARY KEY AUTOINCREMENT, "MessageId" TEXT NOT NULL,
                "MessageType" TEXT NOT NULL, "SubscriptionType" TEXT NOT NULL, "SubscriptionVersion" TEXT NOT NULL,
                "MessageTimestamp" INTEGER NOT NULL, "ReceivedAt" INTEGER NOT NULL, "Body" TEXT NOT NULL,
                "ProcessedAt" INTEGER NULL, "Outcome" TEXT NULL);
                CREATE UNIQUE INDEX "IX_inbox_MessageId" ON "inbox" ("MessageId");
                """);
            var rows = size == 1 ? Rows / 10 : Rows;
            var clock = Stopwatch.StartNew();
            for (var done = 0; done < rows; done += size)
            {
                await InsertBatchAsync(connection, size, body);
            }

            var perSecond = rows / clock.Elapsed.TotalSeconds;
            report.Add("storage", $"writer SQL alone, {size} rows/commit", perSecond, "rows/s",
                $"{clock.Elapsed.TotalMilliseconds / (rows / size):N2} ms per commit, synchronous=FULL");
        }
    }

    private static async Task InsertBatchAsync(SqliteConnection connection, int size, string body)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        var sql = new StringBuilder("""INSERT INTO "inbox" ("MessageId", "MessageType", "SubscriptionType", """
            + """ "SubscriptionVersion", "MessageTimestamp", "ReceivedAt", "Body") VALUES """);
        for (var i = 0; i < size; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@m{i}, 'notification', 'channel.follow', '2', 0, 0, @b{i})");
            command.Parameters.AddWithValue($"@m{i}", Guid.NewGuid().ToString());
            command.Parameters.AddWithValue($"@b{i}", body);
        }

        command.CommandText = sql + """ ON CONFLICT ("MessageId") DO NOTHING RETURNING "MessageId";""";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
