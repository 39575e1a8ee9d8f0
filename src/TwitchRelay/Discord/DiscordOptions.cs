using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Discord;

/// <summary>Settings under <c>Discord:</c>. A missing bot token does not stop start-up: alerts are then rendered
/// and shown in the activity view instead of being posted to channels.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token from the Discord developer portal (Bot tab). Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Discord's REST base URL, versioned. Tests point it at a fake on loopback.</summary>
    [Required]
    [AbsoluteHttpUrl]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);
}

[OptionsValidator]
public sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
