using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Twitch.Subscriptions;

/// <summary>Keeps subscriptions right over time: at start-up, every 30 minutes, and soon after links or rules change
/// (also when the CLI changed them). With WebSockets it works on the sessions the transport opened.</summary>
public sealed partial class SubscriptionSyncService(
    LinkedAccounts accounts,
    SubscriptionReconciler reconciler,
    WebSocketSubscriber webSockets,
    ChangeMarkers changes,
    IOptions<TwitchOptions> twitch,
    IOptions<EventSubOptions> eventSub,
    TimeProvider time,
    ILogger<SubscriptionSyncService> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ChangePoll = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            LogNoCredentials();
            return;
        }

        var seen = "";
        var due = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var marker = await changes.ReadAsync(ChangeMarkers.Links, stoppingToken)
                + await changes.ReadAsync(ChangeMarkers.Rules, stoppingToken);
            if (marker != seen || time.GetUtcNow() >= due)
            {
                seen = marker;
                due = time.GetUtcNow() + Period;
                await SyncAllAsync(stoppingToken);
            }

            await Task.Delay(ChangePoll, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    internal async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (eventSub.Value.UsesWebhooks)
            {
                await reconciler.EnsureAuthorizationRevokeAsync(twitch.Value.ClientId!, cancellationToken);
                foreach (var account in await accounts.GetBroadcasterIdsAsync(cancellationToken))
                {
                    await reconciler.ReconcileWebhookAsync(account, cancellationToken);
                }

                return;
            }

            foreach (var (account, session) in webSockets.Sessions)
            {
                await reconciler.ReconcileWebSocketAsync(account, session, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            LogSyncFailed(exception);
        }
    }

    [LoggerMessage(EventId = 3750, Level = LogLevel.Warning,
        Message = "Twitch:ClientId or Twitch:ClientSecret is not set: EventSub subscriptions are not managed")]
    private partial void LogNoCredentials();

    [LoggerMessage(EventId = 3751, Level = LogLevel.Error, Message = "Syncing EventSub subscriptions failed")]
    private partial void LogSyncFailed(Exception exception);
}
