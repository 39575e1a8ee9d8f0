using Microsoft.EntityFrameworkCore;

namespace TwitchRelay.Storage;

/// <summary>Brings the schema up to date. Run by <c>serve</c> and every CLI verb before they touch data.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<RelayDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
