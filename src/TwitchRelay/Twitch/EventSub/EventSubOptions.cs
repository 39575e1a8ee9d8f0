using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

namespace TwitchRelay.Twitch.EventSub;

/// <summary>Settings under <c>EventSub:</c>: how notifications reach the service.
/// https://dev.twitch.tv/docs/eventsub/#choosing-a-transport</summary>
public sealed class EventSubOptions
{
    public const string Section = "EventSub";

    /// <summary><c>websocket</c> (default: no public URL needed, the streamer's token creates the subscriptions) or
    /// <c>webhook</c> (needs an https <c>PublicUrl</c>; the app token creates them).</summary>
    [Required]
    [RegularExpression("^(websocket|webhook)$", ErrorMessage = "EventSub:Transport must be 'websocket' or 'webhook'.")]
    public string Transport { get; set; } = "websocket";

    [Required]
    [AbsoluteWebSocketUrl]
    public string WebSocketUrl { get; set; } = "wss://eventsub.wss.twitch.tv/ws";

    public bool UsesWebhooks => string.Equals(Transport, "webhook", StringComparison.Ordinal);
}

[OptionsValidator]
public sealed partial class EventSubOptionsValidator : IValidateOptions<EventSubOptions>;
