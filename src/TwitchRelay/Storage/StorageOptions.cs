using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Storage;

/// <summary>Settings under <c>Storage:</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    [Required]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Defaults, for SQLite, to a file <c>twitchrelay.db</c> in the working folder.
    /// Required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.Ordinal);
}

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
