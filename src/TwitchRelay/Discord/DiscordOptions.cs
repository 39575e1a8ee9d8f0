using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TwitchRelay.Discord.Gateway;

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

    /// <summary>Discord's gateway (WebSocket) URL with the API version and encoding. The bot connects here when
    /// <see cref="BotToken"/> is set; tests point it at a fake on loopback.
    /// https://discord.com/developers/docs/events/gateway#connecting</summary>
    [Required]
    [AbsoluteWebSocketUrl]
    public string GatewayUrl { get; set; } = "wss://gateway.discord.gg/?v=10&encoding=json";

    /// <summary>A guild to register the slash commands in (instantly, for development) instead of globally.
    /// https://discord.com/developers/docs/interactions/application-commands#registering-a-command</summary>
    [DiscordId]
    public string? CommandGuildId { get; set; }

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);
}

[OptionsValidator]
public sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
