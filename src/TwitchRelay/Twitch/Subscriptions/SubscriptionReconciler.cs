using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Twitch.Subscriptions;

/// <summary>Makes an account's EventSub subscriptions exactly the desired set: lists what exists (all pages), deletes
/// what is not enabled, not wanted, duplicated or of an old version, creates what is missing (409 is not an error),
/// and logs the cost against the limit. https://dev.twitch.tv/docs/eventsub/manage-subscriptions/</summary>
public sealed partial class SubscriptionReconciler(
    IDbContextFactory<RelayDbContext> contexts,
    TwitchHelixClient helix,
    TwitchCalls calls,
    EventSubSecretSource secrets,
    IOptions<ServiceOptions> service,
    ILogger<SubscriptionReconciler> logger)
{
    /// <summary>Webhook transport: the app token creates and lists; Twitch calls <c>{PublicUrl}/twitch/eventsub</c>.
    /// </summary>
    public Task<ReconcileReport> ReconcileWebhookAsync(string accountId, CancellationToken cancellationToken)
    {
        var callback = service.Value.PublicUrl!.TrimEnd('/') + WebhookIntakeEndpoint.Path;
        var transport = new EventSubTransportRequest("webhook", Callback: callback, Secret: secrets.SecretText);
        return ReconcileAsync(accountId, transport, sessionId: null, cancellationToken);
    }

    /// <summary>Webhook transport: the one app-level subscription, <c>user.authorization.revoke</c> for our client
    /// id, which tells us when a streamer disconnects the app (webhooks and conduits only).
    /// https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/#userauthorizationrevoke</summary>
    public async Task<bool> EnsureAuthorizationRevokeAsync(string clientId, CancellationToken cancellationToken)
    {
        var callback = service.Value.PublicUrl!.TrimEnd('/') + WebhookIntakeEndpoint.Path;
        var listed = await calls.AsAppAsync((token, ct) => helix.ListSubscriptionsAsync(token, null, ct),
            cancellationToken);
        if (listed is HelixOk<EventSubSubscriptionList> ok && ok.Value.Subscriptions.Any(x =>
            x.Type == "user.authorization.revoke" && IsAlive(x.Status) && x.Callback == callback))
        {
            return true;
        }

        var request = new EventSubSubscriptionRequest(
            "user.authorization.revoke",
            "1",
            new Dictionary<string, string> { ["client_id"] = clientId },
            new EventSubTransportRequest("webhook", Callback: callback, Secret: secrets.SecretText));
        var created = await calls.AsAppAsync((token, ct) => helix.CreateSubscriptionAsync(token, request, ct),
            cancellationToken);
        if (created is HelixOk<EventSubCreated>)
        {
            return true;
        }

        LogCreateFailed("app", $"user.authorization.revoke v1: {Describe(created)}");
        return false;
    }

    /// <summary>WebSocket transport: the streamer's token creates the subscriptions on <paramref name="sessionId"/>.
    /// </summary>
    public Task<ReconcileReport> ReconcileWebSocketAsync(
        string accountId,
        string sessionId,
        CancellationToken cancellationToken) =>
        ReconcileAsync(accountId, new EventSubTransportRequest("websocket", SessionId: sessionId), sessionId,
            cancellationToken);

    /// <summary>Deletes every subscription of the account (un-link). Returns how many were deleted.</summary>
    public async Task<int> DeleteAllAsync(string accountId, bool webhook, CancellationToken cancellationToken)
    {
        var existing = await ListAsync(accountId, webhook, cancellationToken);
        if (existing is null)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var subscription in existing.Subscriptions)
        {
            deleted += await DeleteAsync(accountId, webhook, subscription.Id, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    private async Task<ReconcileReport> ReconcileAsync(
        string accountId,
        EventSubTransportRequest transport,
        string? sessionId,
        CancellationToken cancellationToken)
    {
        var webhook = sessionId is null;
        var desired = await DesiredForAsync(accountId, cancellationToken);
        var existing = await ListAsync(accountId, webhook, cancellationToken);
        if (desired is null || existing is null)
        {
            return new ReconcileReport(0, 0, 0, ["could not read the account or its subscriptions"], 0, 0);
        }

        var keep = new List<EventSubSubscriptionInfo>();
        var deleted = 0;
        foreach (var subscription in existing.Subscriptions.OrderBy(x => x.CreatedAt))
        {
            var wanted = IsAlive(subscription.Status)
                && (sessionId is null || subscription.SessionId == sessionId)
                && desired.Any(d => d.Matches(subscription.Type, subscription.Version, subscription.Condition))
                && !keep.Any(k => SameSubscription(k, subscription));
            if (wanted)
            {
                keep.Add(subscription);
            }
            else if (await DeleteAsync(accountId, webhook, subscription.Id, cancellationToken))
            {
                deleted++;
            }
        }

        var problems = new List<string>();
        int created = 0, existed = 0, totalCost = existing.TotalCost, maxCost = existing.MaxTotalCost;
        foreach (var missing in desired.Where(d => !keep.Any(k => d.Matches(k.Type, k.Version, k.Condition))))
        {
            var request = new EventSubSubscriptionRequest(missing.Type, missing.Version, missing.Condition, transport);
            var result = webhook
                ? await calls.AsAppAsync(
                    (token, ct) => helix.CreateSubscriptionAsync(token, request, ct),
                    cancellationToken)
                : await calls.AsUserAsync(
                    accountId,
                    (token, ct) => helix.CreateSubscriptionAsync(token, request, ct),
                    cancellationToken);
            switch (result)
            {
                case HelixOk<EventSubCreated> ok:
                    created += ok.Value.Outcome == EventSubCreateOutcome.Created ? 1 : 0;
                    existed += ok.Value.Outcome == EventSubCreateOutcome.AlreadyExists ? 1 : 0;
                    (totalCost, maxCost) = (ok.Value.TotalCost, ok.Value.MaxTotalCost);
                    break;
                default:
                    var problem = $"{missing.Type} v{missing.Version}: {Describe(result)}";
                    problems.Add(problem);
                    LogCreateFailed(accountId, problem);
                    break;
            }
        }

        LogReconciled(accountId, created, deleted, keep.Count, totalCost, maxCost);
        return new ReconcileReport(created, existed, deleted, problems, totalCost, maxCost);
    }

    private async Task<IReadOnlyList<DesiredSubscription>?> DesiredForAsync(string accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.TwitchAccounts.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == accountId, ct);
        if (account is not { IsHealthy: true })
        {
            return null;
        }

        var keys = await db.AlertRules
            .Where(rule => rule.Enabled && rule.Guild!.BroadcasterId == accountId)
            .Select(rule => rule.EventKey)
            .Distinct()
            .ToListAsync(ct);
        var links = await db.GuildLinks.AsNoTracking().Where(l => l.BroadcasterId == accountId).ToListAsync(ct);
        keys.AddRange(DesiredSubscriptions.KeysForRoles(links));

        // Channels the account's guilds follow, for go-live posts or for the live role of their mapped member:
        // subscribed with the app token (webhook) or on this account's WebSocket session; stream.online,
        // stream.offline and channel.update need no scope.
        var followed = await db.FollowedChannels
            .Where(f => f.Guild!.BroadcasterId == accountId
                && (db.AlertRules.Any(r => r.GuildId == f.GuildId && r.Enabled && r.EventKey == EventKeys.StreamOnline)
                    || (f.DiscordUserId != null && f.Guild.LiveRoleId != null)))
            .Select(f => f.BroadcasterId)
            .Distinct()
            .ToListAsync(ct);
        return [.. DesiredSubscriptions.For(account, keys), .. DesiredSubscriptions.ForFollowed(followed)];
    }

    private async Task<EventSubSubscriptionList?> ListAsync(string accountId, bool webhook, CancellationToken ct)
    {
        var result = webhook
            ? await calls.AsAppAsync((token, c) => helix.ListSubscriptionsAsync(token, accountId, c), ct)
            : await calls.AsUserAsync(accountId, (token, c) => helix.ListSubscriptionsAsync(token, null, c), ct);
        if (result is HelixOk<EventSubSubscriptionList> ok)
        {
            var method = webhook ? "webhook" : "websocket";
            return ok.Value with
            {
                Subscriptions = ok.Value.Subscriptions.Where(x => x.TransportMethod == method).ToList(),
            };
        }

        LogListFailed(accountId, Describe(result));
        return null;
    }

    private async Task<bool> DeleteAsync(string accountId, bool webhook, string id, CancellationToken ct)
    {
        var result = webhook
            ? await calls.AsAppAsync((token, c) => helix.DeleteSubscriptionAsync(token, id, c), ct)
            : await calls.AsUserAsync(accountId, (token, c) => helix.DeleteSubscriptionAsync(token, id, c), ct);
        return result is HelixOk<bool> { Value: true };
    }

    /// <summary>A webhook subscription waits for Twitch's challenge before it is enabled; deleting it then would
    /// only start the wait again.</summary>
    private static bool IsAlive(string status) => status is "enabled" or "webhook_callback_verification_pending";

    private static bool SameSubscription(EventSubSubscriptionInfo a, EventSubSubscriptionInfo b) =>
        a.Type == b.Type && a.Version == b.Version
        && a.Condition.Count == b.Condition.Count
        && a.Condition.All(pair => b.Condition.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static string Describe<T>(HelixResult<T> result) => result switch
    {
        HelixFailed<T> failed => $"{failed.Status} {failed.Message}",
        HelixUnauthorized<T> unauthorized => $"401 {unauthorized.Message}",
        _ => "unexpected answer",
    };

    [LoggerMessage(EventId = 3720, Level = LogLevel.Information,
        Message = "EventSub for {AccountId}: {Created} created, {Deleted} deleted, {Kept} kept; "
            + "cost {TotalCost} of {MaxTotalCost}")]
    private partial void LogReconciled(
        string accountId, int created, int deleted, int kept, int totalCost, int maxTotalCost);

    [LoggerMessage(EventId = 3721, Level = LogLevel.Warning,
        Message = "EventSub for {AccountId}: could not subscribe {Problem}")]
    private partial void LogCreateFailed(string accountId, string problem);

    [LoggerMessage(EventId = 3722, Level = LogLevel.Warning,
        Message = "EventSub for {AccountId}: could not list subscriptions: {Problem}")]
    private partial void LogListFailed(string accountId, string problem);
}
