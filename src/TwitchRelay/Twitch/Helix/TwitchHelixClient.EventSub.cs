using System.Net.Http.Headers;
using System.Text.Json;

namespace TwitchRelay.Twitch.Helix;

/// <summary>EventSub subscriptions: list (every page), create, delete.
/// https://dev.twitch.tv/docs/api/reference/#get-eventsub-subscriptions</summary>
public sealed partial class TwitchHelixClient
{
    private const string SubscriptionsPath = "/eventsub/subscriptions";

    /// <summary>Every subscription the token can see, following <c>pagination.cursor</c> to the last page. An app
    /// token sees the client's webhook and conduit subscriptions; a user token that user's WebSocket ones.
    /// <paramref name="userId"/> filters to subscriptions whose condition names that user.</summary>
    public async Task<HelixResult<EventSubSubscriptionList>> ListSubscriptionsAsync(
        string token,
        string? userId,
        CancellationToken ct)
    {
        var all = new List<EventSubSubscriptionInfo>();
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        while (true)
        {
            var query = ListQuery(userId, cursor);
            var answer = await SendAsync(HttpMethod.Get, SubscriptionsPath, query, token, null, ct);
            if (answer.Status != 200)
            {
                return Error<EventSubSubscriptionList>(answer);
            }

            var body = Read(answer, HelixJsonContext.Default.SubscriptionsBody);
            if (body is null)
            {
                return Unreadable<EventSubSubscriptionList>(answer);
            }

            all.AddRange((body.Data ?? []).Select(ToInfo));
            cursor = body.Pagination?.Cursor;
            if (string.IsNullOrEmpty(cursor))
            {
                WarnIfNearLimit(body.TotalCost ?? 0, body.MaxTotalCost ?? 0);
                return new HelixOk<EventSubSubscriptionList>(new EventSubSubscriptionList(
                    all,
                    body.Total ?? all.Count,
                    body.TotalCost ?? 0,
                    body.MaxTotalCost ?? 0));
            }

            // A cursor seen before would loop forever; report it rather than return a partial list as complete.
            if (!seenCursors.Add(cursor))
            {
                return new HelixFailed<EventSubSubscriptionList>(200, "Twitch repeated a pagination cursor");
            }
        }
    }

    /// <summary>Creates a subscription. 202 is <see cref="EventSubCreateOutcome.Created"/> with the new
    /// subscription; 409 is <see cref="EventSubCreateOutcome.AlreadyExists"/> (with the existing one when Twitch
    /// returns it). 403 (scope not granted) and 429 (max_total_cost reached) are <see cref="HelixFailed{T}"/>.
    /// https://dev.twitch.tv/docs/api/reference/#create-eventsub-subscription</summary>
    public async Task<HelixResult<EventSubCreated>> CreateSubscriptionAsync(
        string token,
        EventSubSubscriptionRequest request,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Transport);
        var json = JsonSerializer.SerializeToUtf8Bytes(
            ToBody(request),
            HelixJsonContext.Default.CreateSubscriptionBody);

        var answer = await SendAsync(HttpMethod.Post, SubscriptionsPath, "", token, () => JsonContent(json), ct);
        if (answer.Status is not (202 or 409))
        {
            return Error<EventSubCreated>(answer);
        }

        var outcome = answer.Status == 202 ? EventSubCreateOutcome.Created : EventSubCreateOutcome.AlreadyExists;
        var body = Read(answer, HelixJsonContext.Default.SubscriptionsBody);
        if (body is null && outcome == EventSubCreateOutcome.Created)
        {
            return Unreadable<EventSubCreated>(answer);
        }

        var subscription = body?.Data is [var first, ..] ? ToInfo(first) : null;
        HelixLog.Created(logger, request.Type, request.Version, request.Transport.Method, outcome.ToString());
        WarnIfNearLimit(body?.TotalCost ?? 0, body?.MaxTotalCost ?? 0);
        return new HelixOk<EventSubCreated>(
            new EventSubCreated(outcome, subscription, body?.TotalCost ?? 0, body?.MaxTotalCost ?? 0));
    }

    /// <summary>Deletes a subscription: true on 204, false on 404 (already gone).
    /// https://dev.twitch.tv/docs/api/reference/#delete-eventsub-subscription</summary>
    public async Task<HelixResult<bool>> DeleteSubscriptionAsync(
        string token,
        string subscriptionId,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);

        var query = "?id=" + Uri.EscapeDataString(subscriptionId);
        var answer = await SendAsync(HttpMethod.Delete, SubscriptionsPath, query, token, null, ct);
        return answer.Status switch
        {
            204 => new HelixOk<bool>(true),
            404 => new HelixOk<bool>(false),
            _ => Error<bool>(answer),
        };
    }

    private static string ListQuery(string? userId, string? cursor)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(userId))
        {
            parts.Add("user_id=" + Uri.EscapeDataString(userId));
        }

        if (cursor is not null)
        {
            parts.Add("after=" + Uri.EscapeDataString(cursor));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static CreateSubscriptionBody ToBody(EventSubSubscriptionRequest request) =>
        new(
            request.Type,
            request.Version,
            request.Condition,
            new CreateTransportBody(
                request.Transport.Method,
                request.Transport.Callback,
                request.Transport.Secret,
                request.Transport.SessionId));

    private static ByteArrayContent JsonContent(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static EventSubSubscriptionInfo ToInfo(SubscriptionBody body) =>
        new(
            body.Id ?? "",
            body.Status ?? "",
            body.Type ?? "",
            body.Version ?? "",
            ToCondition(body.Condition),
            body.Transport?.Method ?? "",
            body.Transport?.SessionId,
            body.Transport?.Callback,
            body.Cost ?? 0,
            body.CreatedAt ?? DateTimeOffset.MinValue);

    // Twitch echoes optional condition keys, sometimes as "" or null (channel.raid's unused side): nulls are
    // dropped, strings kept as they are, anything else kept as its JSON text.
    private static Dictionary<string, string> ToCondition(Dictionary<string, JsonElement>? condition)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in condition ?? [])
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                result[key] = value.GetString()!;
            }
            else if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                result[key] = value.GetRawText();
            }
        }

        return result;
    }

    // Check total_cost against max_total_cost on every create and list.
    // https://dev.twitch.tv/docs/eventsub/manage-subscriptions/#subscription-limits
    private void WarnIfNearLimit(int totalCost, int maxTotalCost)
    {
        if (maxTotalCost > 0 && totalCost * 10 >= maxTotalCost * 9)
        {
            HelixLog.CostNearLimit(logger, totalCost, maxTotalCost);
        }
    }
}
