using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Twitch;

/// <summary>Settings under <c>Twitch:</c>. Missing credentials do not stop start-up; what needs them says so.</summary>
public sealed class TwitchOptions
{
    public const string Section = "Twitch";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The EventSub webhook secret: 10 to 100 ASCII characters
    /// (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message).
    /// When unset, one is generated on first start and kept, encrypted, in the database.</summary>
    [StringLength(100, MinimumLength = 10, ErrorMessage = "Twitch:EventSubSecret must be 10 to 100 characters.")]
    [RegularExpression("^[\\x21-\\x7E]+$", ErrorMessage = "Twitch:EventSubSecret must be printable ASCII.")]
    public string? EventSubSecret { get; set; }

    [Required]
    [AbsoluteHttpUrl]
    public string ApiBaseUrl { get; set; } = "https://api.twitch.tv/helix";

    [Required]
    [AbsoluteHttpUrl]
    public string AuthBaseUrl { get; set; } = "https://id.twitch.tv/oauth2";

    public bool HasClientCredentials =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

[OptionsValidator]
public sealed partial class TwitchOptionsValidator : IValidateOptions<TwitchOptions>;
