using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Hosting;

/// <summary>Settings under <c>DataProtection:</c>: where the keys that encrypt stored secrets are kept.
/// Lose the folder and stored tokens can no longer be read (re-link and re-import then).</summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    [Required(ErrorMessage = "DataProtection:KeysPath is required.")]
    public string KeysPath { get; set; } = "twitchrelay-keys";
}

[OptionsValidator]
public sealed partial class DataProtectionSettingsValidator : IValidateOptions<DataProtectionSettings>;
