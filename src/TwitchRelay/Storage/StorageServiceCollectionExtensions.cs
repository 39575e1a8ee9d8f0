using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database (SQLite or PostgreSQL by <c>Storage:Provider</c>), and a factory that hands out
    /// <see cref="RelayDbContext"/> whichever it is.</summary>
    public static IServiceCollection AddRelayStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageConnectionValidator>();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.IsPostgres)
        {
            services.AddPooledDbContextFactory<PostgresRelayDbContext>(options =>
                options.UseNpgsql(storage.ConnectionString));
            services.AddSingleton<IDbContextFactory<RelayDbContext>>(provider =>
                new RelayDbContextFactory<PostgresRelayDbContext>(
                    provider.GetRequiredService<IDbContextFactory<PostgresRelayDbContext>>()));
        }
        else
        {
            // Prepared when first used, after the options were validated (a malformed string is named, not thrown).
            services.AddPooledDbContextFactory<SqliteRelayDbContext>(options =>
                options.UseSqlite(SqliteConnections.Prepare(storage.ConnectionString))
                    .AddInterceptors(new SqliteDurabilityInterceptor()));
            services.AddSingleton<IDbContextFactory<RelayDbContext>>(provider =>
                new RelayDbContextFactory<SqliteRelayDbContext>(
                    provider.GetRequiredService<IDbContextFactory<SqliteRelayDbContext>>()));
        }

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SecretProtector>();
        return services;
    }
}

internal sealed class RelayDbContextFactory<TContext>(IDbContextFactory<TContext> inner)
    : IDbContextFactory<RelayDbContext>
    where TContext : RelayDbContext
{
    public RelayDbContext CreateDbContext() => inner.CreateDbContext();
}

/// <summary>Rules across settings that data annotations cannot say.</summary>
internal sealed class StorageConnectionValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (options.IsPostgres)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Fail(
                    "Storage:ConnectionString is required when Storage:Provider is 'postgres'.")
                : ValidateOptionsResult.Success;
        }

        try
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                SqliteConnections.Prepare(options.ConnectionString));
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            return folder is null || Directory.Exists(folder)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Storage:ConnectionString names a file in '{folder}', which does not exist.");
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:ConnectionString is not a SQLite connection string: {exception.Message}");
        }
    }
}
