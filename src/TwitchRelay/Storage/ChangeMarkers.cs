using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Storage;

/// <summary>Counters in the database that say "links or rules changed", so the running service notices changes made
/// by another process (the CLI) without being called: its loops compare the value with the one they last saw.
/// </summary>
public sealed class ChangeMarkers(IDbContextFactory<RelayDbContext> contexts)
{
    public const string Links = "changed:links";
    public const string Rules = "changed:rules";

    public async Task BumpAsync(string marker, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var setting = await db.Settings.FindAsync([marker], cancellationToken);
        if (setting is null)
        {
            db.Settings.Add(new Setting { Key = marker, Value = Guid.NewGuid().ToString("N") });
        }
        else
        {
            setting.Value = Guid.NewGuid().ToString("N");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string> ReadAsync(string marker, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var setting = await db.Settings.AsNoTracking().SingleOrDefaultAsync(x => x.Key == marker, cancellationToken);
        return setting?.Value ?? "";
    }
}
