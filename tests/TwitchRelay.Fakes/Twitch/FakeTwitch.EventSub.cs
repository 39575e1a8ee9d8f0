using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Helix EventSub subscriptions: create, list (paginated), delete.
/// https://dev.twitch.tv/docs/api/reference/#create-eventsub-subscription</summary>
public sealed partial class FakeTwitch
{
    /// <summary>max_total_cost: 10,000 per client id for webhooks, 10 per user token for WebSocket.
    /// https://dev.twitch.tv/docs/eventsub/manage-subscriptions/#subscription-limits</summary>
    public const int WebhookMaxTotalCost = 10_000;

    public const int WebSocketMaxTotalCost = 10;

    private static readonly string[] UserConditionKeys =
        ["moderator_user_id", "broadcaster_user_id", "to_broadcaster_user_id", "from_broadcaster_user_id", "user_id"];

    private FakeTwitchAnswer CreateSubscription(RecordedTwitchRequest request, FakeTwitchToken token)
    {
        if (request.Header("Content-Type")?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return FakeTwitchAnswer.HelixError(400, "The Content-Type header must be application/json");
        }

        var body = ParseCreate(request.Body);
        if (body is null)
        {
            return FakeTwitchAnswer.HelixError(400, "Missing or malformed type, version, condition or transport");
        }

        var (type, version, condition, transport) = body.Value;
        var entry = FakeTwitchCatalog.Find(type, version);
        if (entry is null)
        {
            return FakeTwitchAnswer.HelixError(
                400,
                "The combination of values in the type and version fields is not valid");
        }

        var invalid = CheckCondition(entry, condition) ?? CheckTransport(entry, transport, token);
        if (invalid is not null)
        {
            return FakeTwitchAnswer.HelixError(400, invalid);
        }

        if (!IsAuthorized(entry, condition, transport.Method, token))
        {
            return FakeTwitchAnswer.HelixError(403, "subscription missing proper authorization");
        }

        var isWebSocket = transport.Method == "websocket";
        var duplicate = subscriptions.Any(s => s.IsActive
            && s.Type == type
            && s.Version == version
            && s.TransportMethod == transport.Method
            && s.Callback == (isWebSocket ? null : transport.Callback)
            && s.SessionId == (isWebSocket ? transport.SessionId : null)
            && SameCondition(s.Condition, condition));
        if (duplicate)
        {
            return FakeTwitchAnswer.HelixError(409, "subscription already exists");
        }

        // A type that needs authorization costs 0 once the user authorized the client; the others cost 1 unless
        // the user in the condition has authorized it. https://dev.twitch.tv/docs/eventsub/manage-subscriptions/
        var cost = entry.NeedsAuthorization || HasGrant(AuthorizingUser(condition)) ? 0 : 1;
        var visible = Visible(token).ToList();
        var max = isWebSocket ? WebSocketMaxTotalCost : WebhookMaxTotalCost;
        if (visible.Where(s => s.IsActive).Sum(s => s.Cost) + cost > max)
        {
            return FakeTwitchAnswer.HelixError(429, "max_total_cost exceeded");
        }

        var subscription = new FakeTwitchSubscription(
            Guid.NewGuid().ToString(),
            isWebSocket ? "enabled" : "webhook_callback_verification_pending",
            type,
            version,
            condition,
            transport.Method,
            isWebSocket ? null : transport.Callback,
            isWebSocket ? null : transport.Secret,
            isWebSocket ? transport.SessionId : null,
            isWebSocket ? token.UserId : null,
            cost,
            time.GetUtcNow());
        subscriptions.Add(subscription);
        visible.Add(subscription);

        var answer = Totals(visible, max);
        answer["data"] = new JsonArray(SubscriptionJson(subscription));
        return FakeTwitchAnswer.Ok(answer, 202);
    }

    // https://dev.twitch.tv/docs/api/reference/#get-eventsub-subscriptions
    private FakeTwitchAnswer ListSubscriptions(RecordedTwitchRequest request, FakeTwitchToken token)
    {
        var query = QueryOf(request);
        var status = query.GetValueOrDefault("status").ToString();
        var type = query.GetValueOrDefault("type").ToString();
        var userId = query.GetValueOrDefault("user_id").ToString();
        if (new[] { status, type, userId }.Count(f => f.Length > 0) > 1)
        {
            return FakeTwitchAnswer.HelixError(400, "Specify only one of status, type or user_id");
        }

        var offset = 0;
        if (query.TryGetValue("after", out var after) && !TryReadCursor(after.ToString(), out offset))
        {
            return FakeTwitchAnswer.HelixError(400, "Invalid cursor");
        }

        var visible = Visible(token).ToList();
        var matching = visible
            .Where(s => status.Length == 0 || s.Status == status)
            .Where(s => type.Length == 0 || s.Type == type)
            .Where(s => userId.Length == 0 || UserConditionKeys.Any(k => s.Condition.GetValueOrDefault(k) == userId))
            .ToList();
        var page = matching.Skip(offset).Take(Math.Max(1, PageSize)).ToList();
        var next = offset + page.Count;

        var answer = Totals(visible, token.IsAppToken ? WebhookMaxTotalCost : WebSocketMaxTotalCost);
        answer["data"] = new JsonArray([.. page.Select(SubscriptionJson)]);
        answer["pagination"] = next < matching.Count ? new JsonObject { ["cursor"] = Cursor(next) } : new JsonObject();
        return FakeTwitchAnswer.Ok(answer);
    }

    // https://dev.twitch.tv/docs/api/reference/#delete-eventsub-subscription
    private FakeTwitchAnswer DeleteSubscription(RecordedTwitchRequest request, FakeTwitchToken token)
    {
        var id = QueryOf(request).GetValueOrDefault("id").ToString();
        if (id.Length == 0)
        {
            return FakeTwitchAnswer.HelixError(400, "Missing required parameter \"id\"");
        }

        var subscription = Visible(token).FirstOrDefault(s => s.Id == id);
        if (subscription is null)
        {
            return FakeTwitchAnswer.HelixError(404, "subscription not found");
        }

        subscriptions.Remove(subscription);
        return FakeTwitchAnswer.Empty(204);
    }

    /// <summary>An app token sees the client's webhook and conduit subscriptions; a user token that user's
    /// WebSocket ones.</summary>
    private IEnumerable<FakeTwitchSubscription> Visible(FakeTwitchToken token) =>
        token.IsAppToken
            ? subscriptions.Where(s => s.TransportMethod != "websocket")
            : subscriptions.Where(s => s.TransportMethod == "websocket" && s.OwnerUserId == token.UserId);

    private static JsonObject Totals(IReadOnlyCollection<FakeTwitchSubscription> visible, int max) => new()
    {
        ["total"] = visible.Count,
        ["total_cost"] = visible.Where(s => s.IsActive).Sum(s => s.Cost),
        ["max_total_cost"] = max,
    };

    private string? CheckCondition(FakeTwitchEventType entry, IReadOnlyDictionary<string, string> condition)
    {
        var unknown = condition.Keys.FirstOrDefault(k =>
            !entry.Required.Contains(k) && !entry.OneOf.Contains(k) && !entry.Optional.Contains(k));
        if (unknown is not null)
        {
            return $"unknown condition key {unknown}";
        }

        var missing = entry.Required.FirstOrDefault(k => string.IsNullOrEmpty(condition.GetValueOrDefault(k)));
        if (missing is not null)
        {
            return $"missing condition key {missing}";
        }

        if (entry.OneOf.Count > 0 && entry.OneOf.Count(k => !string.IsNullOrEmpty(condition.GetValueOrDefault(k))) != 1)
        {
            return $"exactly one of {string.Join(", ", entry.OneOf)} is required";
        }

        return condition.TryGetValue("client_id", out var clientId) && clientId != ClientId
            ? "condition client_id must be the client id of the token"
            : null;
    }

    private string? CheckTransport(FakeTwitchEventType entry, FakeTwitchTransport transport, FakeTwitchToken token)
    {
        switch (transport.Method)
        {
            case "webhook":
                // https://dev.twitch.tv/docs/eventsub/handling-webhook-events/
                if (!token.IsAppToken)
                {
                    return "invalid transport and auth combination";
                }

                if (!Uri.TryCreate(transport.Callback, UriKind.Absolute, out var callback)
                    || callback.Scheme != Uri.UriSchemeHttps
                    || callback.Port != 443)
                {
                    return "invalid transport: the callback must be an https URL on port 443";
                }

                return transport.Secret is { Length: >= 10 and <= 100 }
                    ? null
                    : "invalid transport: the secret must be 10 to 100 characters";

            case "websocket":
                // https://dev.twitch.tv/docs/eventsub/handling-websocket-events/
                if (token.IsAppToken)
                {
                    return "invalid transport and auth combination";
                }

                if (!entry.WebSocket)
                {
                    return $"{entry.Type} does not support the websocket transport";
                }

                return !string.IsNullOrEmpty(transport.SessionId)
                    && IsWebSocketSessionConnected?.Invoke(transport.SessionId) != false
                        ? null
                        : "websocket transport session does not exist or has already disconnected";

            default:
                return $"unsupported transport method {transport.Method}";
        }
    }

    /// <summary>Webhooks: the user in the condition must have granted the scopes to this client. WebSocket: the
    /// token must be that user's and carry the scopes.</summary>
    private bool IsAuthorized(
        FakeTwitchEventType entry,
        IReadOnlyDictionary<string, string> condition,
        string method,
        FakeTwitchToken token)
    {
        if (!entry.NeedsAuthorization)
        {
            return true;
        }

        var user = AuthorizingUser(condition);
        if (method == "websocket")
        {
            return token.UserId == user && entry.IsSatisfiedBy([.. token.Scopes]);
        }

        return user is not null && grants.TryGetValue(user, out var granted) && entry.IsSatisfiedBy(granted);
    }

    private bool HasGrant(string? userId) => userId is not null && grants.ContainsKey(userId);

    private bool ReliesOn(FakeTwitchSubscription subscription, string userId) =>
        subscription.OwnerUserId == userId
        || (FakeTwitchCatalog.Find(subscription.Type, subscription.Version)?.NeedsAuthorization == true
            && AuthorizingUser(subscription.Condition) == userId);

    /// <summary>The user whose grant a subscription relies on: the moderator when the condition names one (the
    /// streamer themselves when they linked), else the broadcaster or user.</summary>
    private static string? AuthorizingUser(IReadOnlyDictionary<string, string> condition) =>
        UserConditionKeys.Select(condition.GetValueOrDefault).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static bool SameCondition(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static JsonObject SubscriptionJson(FakeTwitchSubscription subscription)
    {
        var transport = new JsonObject { ["method"] = subscription.TransportMethod };
        if (subscription.TransportMethod == "websocket")
        {
            transport["session_id"] = subscription.SessionId;
            transport["connected_at"] = subscription.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
        }
        else
        {
            transport["callback"] = subscription.Callback;
        }

        return new JsonObject
        {
            ["id"] = subscription.Id,
            ["status"] = subscription.Status,
            ["type"] = subscription.Type,
            ["version"] = subscription.Version,
            ["condition"] = new JsonObject([.. subscription.Condition.Select(p =>
                KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["created_at"] = subscription.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["transport"] = transport,
            ["cost"] = subscription.Cost,
        };
    }

    private static (string, string, Dictionary<string, string>, FakeTwitchTransport)? ParseCreate(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject root
                || root["type"]?.GetValue<string>() is not { } type
                || root["version"]?.GetValue<string>() is not { } version
                || root["condition"] is not JsonObject conditionNode
                || root["transport"] is not JsonObject transportNode
                || transportNode["method"]?.GetValue<string>() is not { } method)
            {
                return null;
            }

            var condition = conditionNode.ToDictionary(
                p => p.Key,
                p => p.Value?.GetValue<string>() ?? "",
                StringComparer.Ordinal);
            var transport = new FakeTwitchTransport(
                method,
                transportNode["callback"]?.GetValue<string>(),
                transportNode["secret"]?.GetValue<string>(),
                transportNode["session_id"]?.GetValue<string>());
            return (type, version, condition, transport);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Not JSON, or a field of the wrong type: the caller answers 400.
            return null;
        }
    }

    // Cursors are opaque to clients; here a base64 offset, like Twitch's base64 JSON cursors.
    private static string Cursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"o\":{offset}}}"));

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return JsonNode.Parse(text)?["o"]?.GetValue<int>() is { } value && (offset = value) >= 0;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            // An unreadable cursor: the caller answers 400.
            return false;
        }
    }

    private sealed record FakeTwitchTransport(string Method, string? Callback, string? Secret, string? SessionId);
}
