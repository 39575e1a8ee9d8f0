using Microsoft.Data.Sqlite;

namespace TwitchRelay.Bench;

/// <summary>A fresh folder for one service run: its SQLite file and data-protection keys, deleted afterwards.
/// </summary>
internal sealed class ServiceFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("twitchrelay-bench-").FullName;

    public string DatabaseFile => System.IO.Path.Combine(Path, "relay.db");

    public string ConnectionString => $"Data Source={DatabaseFile}";

    /// <summary>The settings a user would export before starting the service.</summary>
    public Dictionary<string, string> Environment(string? discordApiBaseUrl = null) => new()
    {
        ["Storage__Provider"] = "sqlite",
        ["Storage__ConnectionString"] = ConnectionString,
        ["Twitch__EventSubSecret"] = SignedNotification.Secret,
        ["DataProtection__KeysPath"] = System.IO.Path.Combine(Path, "keys"),
        ["Discord__BotToken"] = discordApiBaseUrl is null ? "" : LatencyBench.BotToken,
        ["Discord__ApiBaseUrl"] = discordApiBaseUrl ?? "http://127.0.0.1:9/api/v10",
    };

    /// <summary>The same settings for an in-process CLI verb such as <c>config import</c>.</summary>
    public Dictionary<string, string?> Overrides(string? discordApiBaseUrl = null) =>
        Environment(discordApiBaseUrl).ToDictionary(x => x.Key.Replace("__", ":", StringComparison.Ordinal),
            x => (string?)x.Value);

    /// <summary>Rows in the inbox, and how many distinct commits wrote them: the writer stamps one ReceivedAt per
    /// batch, so distinct stamps count batches (two in the same millisecond would count once).</summary>
    public async Task<(long Rows, long Batches)> CountInboxAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*), COUNT(DISTINCT "ReceivedAt") FROM "inbox";""";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup; a leftover folder does not change any figure.
        }
    }
}
