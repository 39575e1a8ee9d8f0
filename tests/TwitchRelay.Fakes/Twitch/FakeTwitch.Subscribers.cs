using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Get Broadcaster Subscriptions: the broadcaster's own token with channel:read:subscriptions, pages of
/// at most <see cref="PageSize"/>. https://dev.twitch.tv/docs/api/reference/#get-broadcaster-subscriptions</summary>
public sealed partial class FakeTwitch
{
    private readonly List<(string BroadcasterId, string UserId, string Tier, bool IsGift)> channelSubscribers = [];

    public void AddChannelSubscriber(string broadcasterId, string userId, string tier = "1000", bool isGift = false) =>
        Change(() => channelSubscribers.Add((broadcasterId, userId, tier, isGift)));

    public void RemoveChannelSubscriber(string broadcasterId, string userId) =>
        Change(() => channelSubscribers.RemoveAll(s => s.BroadcasterId == broadcasterId && s.UserId == userId));

    private FakeTwitchAnswer GetBroadcasterSubscriptions(RecordedTwitchRequest request, FakeTwitchToken token)
    {
        var query = QueryOf(request);
        var broadcasterId = query.GetValueOrDefault("broadcaster_id").ToString();
        if (token.IsAppToken || !token.Scopes.Contains("channel:read:subscriptions"))
        {
            return FakeTwitchAnswer.HelixError(401, "Missing scope: channel:read:subscriptions");
        }

        if (token.UserId != broadcasterId)
        {
            return FakeTwitchAnswer.HelixError(403, "broadcaster_id must match the user in the access token");
        }

        var first = int.TryParse(query.GetValueOrDefault("first"), CultureInfo.InvariantCulture, out var f) ? f : 20;
        if (first is < 1 or > 100)
        {
            return FakeTwitchAnswer.HelixError(400, "first must be between 1 and 100");
        }

        var after = int.TryParse(query.GetValueOrDefault("after"), CultureInfo.InvariantCulture, out var a) ? a : 0;
        var all = channelSubscribers.Where(s => s.BroadcasterId == broadcasterId).ToList();
        var page = all.Skip(after).Take(Math.Min(first, PageSize)).ToList();
        var next = after + page.Count;
        return FakeTwitchAnswer.Ok(new JsonObject
        {
            ["data"] = new JsonArray([.. page.Select(s => (JsonNode)new JsonObject
            {
                ["broadcaster_id"] = broadcasterId,
                ["user_id"] = s.UserId,
                ["user_login"] = "user" + s.UserId,
                ["user_name"] = "User" + s.UserId,
                ["tier"] = s.Tier,
                ["is_gift"] = s.IsGift,
                ["plan_name"] = "Channel Subscription",
            })]),
            ["pagination"] = next < all.Count
                ? new JsonObject { ["cursor"] = next.ToString(CultureInfo.InvariantCulture) }
                : new JsonObject(),
            ["total"] = all.Count,
            ["points"] = all.Count,
        });
    }
}
