using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.Subscriptions;

namespace TwitchRelay.Twitch.Linking;

/// <summary>After a link or re-link: tell the transports, and with webhooks create the subscriptions now (with a
/// WebSocket they are created on the account's next session welcome). Returns what could not be subscribed.
/// </summary>
public sealed class LinkActivation(
    ChangeMarkers changes,
    SubscriptionReconciler reconciler,
    IOptions<EventSubOptions> eventSub)
{
    public async Task<IReadOnlyList<string>> ActivateAsync(string accountId, CancellationToken cancellationToken)
    {
        await changes.BumpAsync(ChangeMarkers.Links, cancellationToken);
        if (!eventSub.Value.UsesWebhooks)
        {
            return [];
        }

        var report = await reconciler.ReconcileWebhookAsync(accountId, cancellationToken);
        return report.Problems;
    }
}
