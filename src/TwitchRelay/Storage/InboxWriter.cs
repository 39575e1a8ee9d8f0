using System.Data.Common;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace TwitchRelay.Storage;

/// <summary>Stores verified EventSub messages durably, many per transaction: requests that arrive together share
/// one commit (and one fsync), and each caller is answered only once its row is committed. A message id already
/// stored is skipped by the unique index, so Twitch's retries never make a second row.</summary>
public sealed partial class InboxWriter(
    IDbContextFactory<RelayDbContext> contexts,
    InboxSignal inboxSignal,
    TimeProvider time,
    ILogger<InboxWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private RelayDbContext? writerContext;
    private DbConnection? writerConnection;

    private readonly Channel<PendingWrite> queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Returns once the entry is committed: true when it was new, false when its message id was already
    /// stored. Throws when the database could not store it, so the intake answers 5xx and Twitch sends it again.
    /// </summary>
    public async Task<bool> AppendAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(entry);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await WaitForWorkAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch);
        }

        await CloseConnectionAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking writes, then let the loop drain what callers are already waiting on.
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task<bool> WaitForWorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await queue.Reader.WaitToReadAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return queue.Reader.TryPeek(out _);
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        try
        {
            var inserted = await InsertAsync(batch);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(inserted.Contains(pending.Entry.MessageId));
            }

            if (inserted.Count > 0)
            {
                inboxSignal.Signal.Notify();
            }

            LogBatchWritten(batch.Count, inserted.Count);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            LogBatchFailed(exception, batch.Count);
            await CloseConnectionAsync();
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }
        }
    }

    private async Task<HashSet<string>> InsertAsync(List<PendingWrite> batch)
    {
        var connection = await OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        var receivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        var sql = new StringBuilder(
            """INSERT INTO "inbox" ("MessageId", "MessageType", "SubscriptionType", "SubscriptionVersion", """
            + """ "MessageTimestamp", "ReceivedAt", "Body") VALUES """);
        for (var i = 0; i < batch.Count; i++)
        {
            var entry = batch[i].Entry;
            sql.Append(i == 0 ? "" : ", ");
            sql.Append($"(@m{i}, @t{i}, @s{i}, @v{i}, @ts{i}, @r{i}, @b{i})");
            AddParameter(command, $"@m{i}", entry.MessageId);
            AddParameter(command, $"@t{i}", entry.MessageType);
            AddParameter(command, $"@s{i}", entry.SubscriptionType);
            AddParameter(command, $"@v{i}", entry.SubscriptionVersion);
            AddParameter(command, $"@ts{i}", entry.MessageTimestamp.ToUnixTimeMilliseconds());
            AddParameter(command, $"@r{i}", receivedAt);
            AddParameter(command, $"@b{i}", entry.Body);
        }

        // Both SQLite (3.35+) and PostgreSQL know ON CONFLICT … DO NOTHING and RETURNING.
        sql.Append(""" ON CONFLICT ("MessageId") DO NOTHING RETURNING "MessageId";""");
        command.CommandText = sql.ToString();

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                inserted.Add(reader.GetString(0));
            }
        }

        await transaction.CommitAsync();
        return inserted;
    }

    /// <summary>The writer keeps one connection open (no re-open and connection set-up per batch); a failed batch
    /// drops it, and the next batch opens a fresh one.</summary>
    private async Task<DbConnection> OpenConnectionAsync()
    {
        if (writerConnection is { State: System.Data.ConnectionState.Open })
        {
            return writerConnection;
        }

        await CloseConnectionAsync();
        writerContext = contexts.CreateDbContext();
        writerConnection = writerContext.Database.GetDbConnection();
        await writerConnection.OpenAsync();
        return writerConnection;
    }

    private async Task CloseConnectionAsync()
    {
        if (writerContext is not null)
        {
            await writerContext.Database.CloseConnectionAsync();
            await writerContext.DisposeAsync();
        }

        writerContext = null;
        writerConnection = null;
    }

    public override void Dispose()
    {
        writerContext?.Dispose();
        base.Dispose();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Stored {Inserted} new of {Count} inbox messages")]
    private partial void LogBatchWritten(int count, int inserted);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Could not store {Count} inbox messages")]
    private partial void LogBatchFailed(Exception exception, int count);

    private sealed class PendingWrite(InboxEntry entry)
    {
        public InboxEntry Entry { get; } = entry;

        public TaskCompletionSource<bool> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
