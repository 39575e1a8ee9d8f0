using System.Text;

namespace TwitchRelay.Tests.Infrastructure;

/// <summary>Reads a SQLite database as bytes on disk, WAL file included (recent commits live there until a
/// checkpoint), to prove what is and is not stored in clear.</summary>
internal static class DatabaseFiles
{
    public static async Task<string> ReadAllAsync(string databasePath)
    {
        var text = new StringBuilder();
        foreach (var path in new[] { databasePath, databasePath + "-wal" })
        {
            if (File.Exists(path))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                text.Append(await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
            }
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="needle"/> is stored in clear. Assert on this rather than on the text:
    /// a failure message holding NUL bytes is dropped by the test adapter, and the test then vanishes from the
    /// results instead of failing.</summary>
    public static bool Holds(string contents, string needle) => contents.Contains(needle, StringComparison.Ordinal);
}
