using Microsoft.Extensions.Options;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Hosting;

/// <summary>Twitch delivers webhooks only to https on port 443, so the webhook transport needs an https
/// <c>PublicUrl</c> (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/).</summary>
internal sealed class WebhookNeedsPublicUrl(IOptions<EventSubOptions> eventSub) : IValidateOptions<ServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceOptions options) =>
        eventSub.Value.UsesWebhooks
        && !(Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            ? ValidateOptionsResult.Fail(
                "PublicUrl must be an https URL when EventSub:Transport is 'webhook' (Twitch calls "
                + "{PublicUrl}/twitch/eventsub).")
            : ValidateOptionsResult.Success;
}
