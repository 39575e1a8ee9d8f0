using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TwitchRelay.Storage;

/// <summary>Used only by <c>dotnet ef migrations add</c>; the connection strings are never opened.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRelayDbContext>
{
    public SqliteRelayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRelayDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRelayDbContext>
{
    public PostgresRelayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRelayDbContext>().UseNpgsql("Host=localhost").Options);
}
