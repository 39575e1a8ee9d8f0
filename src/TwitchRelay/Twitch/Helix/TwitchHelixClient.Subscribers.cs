using System.Text.Json;

namespace TwitchRelay.Twitch.Helix;

/// <summary>One subscriber of a broadcaster's channel.</summary>
public sealed record ChannelSubscriber(string UserId, string Tier, bool IsGift);

public sealed partial class TwitchHelixClient
{
    private const int SubscribersPageSize = 100;

    /// <summary>Every subscriber of the broadcaster, all pages. Needs the broadcaster's own token with
    /// <c>channel:read:subscriptions</c>. https://dev.twitch.tv/docs/api/reference/#get-broadcaster-subscriptions
    /// </summary>
    public async Task<HelixResult<IReadOnlyList<ChannelSubscriber>>> GetBroadcasterSubscriptionsAsync(
        string broadcasterToken,
        string broadcasterId,
        CancellationToken ct)
    {
        var subscribers = new List<ChannelSubscriber>();
        string? cursor = null;
        do
        {
            var query = $"?broadcaster_id={Uri.EscapeDataString(broadcasterId)}&first={SubscribersPageSize}"
                + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}");
            var answer = await SendAsync(HttpMethod.Get, "/subscriptions", query, broadcasterToken, null, ct);
            if (answer.Status != 200)
            {
                return Error<IReadOnlyList<ChannelSubscriber>>(answer);
            }

            if (!TryReadSubscribers(answer.Body, subscribers, out cursor))
            {
                return Unreadable<IReadOnlyList<ChannelSubscriber>>(answer);
            }
        }
        while (cursor is not null);

        return new HelixOk<IReadOnlyList<ChannelSubscriber>>(subscribers);
    }

    private static bool TryReadSubscribers(string body, List<ChannelSubscriber> into, out string? cursor)
    {
        cursor = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var item in data.EnumerateArray())
            {
                if (item.TryGetProperty("user_id", out var user) && user.GetString() is { Length: > 0 } userId
                    && item.TryGetProperty("tier", out var tier) && tier.GetString() is { } tierText)
                {
                    var gift = item.TryGetProperty("is_gift", out var g) && g.ValueKind == JsonValueKind.True;
                    into.Add(new ChannelSubscriber(userId, tierText, gift));
                }
            }

            // An empty page ends the list even if a cursor came with it.
            if (data.GetArrayLength() > 0 && document.RootElement.TryGetProperty("pagination", out var page)
                && page.TryGetProperty("cursor", out var next) && next.GetString() is { Length: > 0 } text)
            {
                cursor = text;
            }

            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
