using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

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

    /// <summary>The application's id (OAuth2 tab), for the dashboard's "Sign in with Discord" and the bot's
    /// install link. https://discord.com/developers/docs/topics/oauth2</summary>
    [RegularExpression(
        @"^\d{17,20}$",
        ErrorMessage = "Discord:ClientId must be the application id (17 to 20 digits).")]
    public string? ClientId { get; set; }

    /// <summary>The application's OAuth2 client secret. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where the browser is sent to authorize the dashboard (and to add the bot). Tests point it at a fake.
    /// </summary>
    [Required]
    [AbsoluteHttpUrl]
    public string OAuthAuthorizeUrl { get; set; } = "https://discord.com/oauth2/authorize";

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>The dashboard's sign-in needs both; without them the dashboard says so instead of failing.</summary>
    public bool HasOAuthClient => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}

[OptionsValidator]
public sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
