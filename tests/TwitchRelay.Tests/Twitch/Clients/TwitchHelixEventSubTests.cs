using System.Text.Json.Nodes;
using TwitchRelay.Alerts;
using TwitchRelay.Twitch.Helix;
using static TwitchRelay.Tests.Twitch.Clients.TwitchTestHost;

namespace TwitchRelay.Tests.Twitch.Clients;

public sealed class TwitchHelixEventSubTests
{
    private const string Callback = "https://relay.example.com/eventsub";
    private const string WebhookSecret = "eventsub-secret-SECRET-0123456789";
    private const string SessionId = "AgoQHR3s6Mb4T8GFB1l3DlPfiRIGY2VsbC1h";

    private static readonly Dictionary<string, string> FollowCondition = new()
    {
        ["broadcaster_user_id"] = StreamerId,
        ["moderator_user_id"] = StreamerId,
    };

    private static EventSubSubscriptionRequest Webhook(string type, string version, Dictionary<string, string> c) =>
        new(type, version, c, new EventSubTransportRequest("webhook", Callback, WebhookSecret));

    private static EventSubSubscriptionRequest WebSocket(string type, string version, Dictionary<string, string> c) =>
        new(type, version, c, new EventSubTransportRequest("websocket", SessionId: SessionId));

    private static Dictionary<string, string> Broadcaster(string id) => new() { ["broadcaster_user_id"] = id };

    [Fact]
    public async Task AWebhookSubscriptionIsAcceptedPendingVerificationAndCostsNothingOnceAuthorized()
    {
        await using var host = await StartAsync();
        host.Fake.IssueUserToken(StreamerId, ScopeSets.AffiliateOrPartner);
        var app = await host.AppTokenAsync();

        var result = await host.Helix.CreateSubscriptionAsync(app, Webhook("channel.follow", "2", FollowCondition), Ct);

        var (outcome, subscription, totalCost, maxTotalCost) =
            Assert.IsType<HelixOk<EventSubCreated>>(result).Value;
        Assert.Equal(EventSubCreateOutcome.Created, outcome);
        Assert.Equal("webhook_callback_verification_pending", subscription?.Status);
        Assert.Equal(("channel.follow", "2"), (subscription?.Type, subscription?.Version));
        Assert.Equal(FollowCondition, subscription?.Condition);
        Assert.Equal(("webhook", Callback, (string?)null), (subscription?.TransportMethod, subscription?.Callback,
            subscription?.SessionId));
        Assert.Equal(0, subscription?.Cost);
        Assert.Equal(host.Time.GetUtcNow(), subscription?.CreatedAt);
        Assert.Equal((0, 10_000), (totalCost, maxTotalCost));

        var request = host.Fake.Requests.Single(r => r.Method == "POST" && r.Path == "/helix/eventsub/subscriptions");
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(WebhookSecret, (string?)body["transport"]!["secret"]);
        Assert.Null(body["transport"]!["session_id"]);
        Assert.Equal(WebhookSecret, Assert.Single(host.Fake.Subscriptions).Secret);
    }

    [Fact]
    public async Task AWebSocketSubscriptionWithTheUserTokenIsEnabledAtOnce()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, ScopeSets.AffiliateOrPartner);

        var result = await host.Helix.CreateSubscriptionAsync(
            tokens.AccessToken,
            WebSocket("channel.moderate", "2", FollowCondition),
            Ct);

        var (outcome, subscription, _, maxTotalCost) =
            Assert.IsType<HelixOk<EventSubCreated>>(result).Value;
        Assert.Equal(EventSubCreateOutcome.Created, outcome);
        Assert.Equal("enabled", subscription?.Status);
        Assert.Equal(("websocket", SessionId), (subscription?.TransportMethod, subscription?.SessionId));
        Assert.Null(subscription?.Callback);
        Assert.Equal(10, maxTotalCost);
    }

    [Fact]
    public async Task TheSameSubscriptionTwiceIsAlreadyExistsNotAnError()
    {
        await using var host = await StartAsync();
        host.Fake.IssueUserToken(StreamerId, ScopeSets.Regular);
        var app = await host.AppTokenAsync();
        await host.Helix.CreateSubscriptionAsync(app, Webhook("channel.follow", "2", FollowCondition), Ct);

        var again = await host.Helix.CreateSubscriptionAsync(app, Webhook("channel.follow", "2", FollowCondition), Ct);

        var value = Assert.IsType<HelixOk<EventSubCreated>>(again).Value;
        Assert.Equal(EventSubCreateOutcome.AlreadyExists, value.Outcome);
        Assert.Single(host.Fake.Subscriptions);
        Assert.Equal(409, host.Fake.Requests.Last().Status);
    }

    [Fact]
    public async Task AScopeTheStreamerDidNotGrantIsForbidden()
    {
        await using var host = await StartAsync();
        host.Fake.IssueUserToken(StreamerId, ScopeSets.Regular);
        var app = await host.AppTokenAsync();

        var result = await host.Helix.CreateSubscriptionAsync(
            app,
            Webhook("channel.poll.begin", "1", Broadcaster(StreamerId)),
            Ct);

        Assert.Equal(
            new HelixFailed<EventSubCreated>(
                403,
                "subscription missing proper authorization"),
            result);
        Assert.Empty(host.Fake.Subscriptions);
    }

    [Fact]
    public async Task AnAppTokenCannotCreateAWebSocketSubscription()
    {
        await using var host = await StartAsync();
        host.Fake.IssueUserToken(StreamerId, ScopeSets.Regular);
        var app = await host.AppTokenAsync();

        var result = await host.Helix.CreateSubscriptionAsync(
            app,
            WebSocket("channel.follow", "2", FollowCondition),
            Ct);

        Assert.Equal(
            new HelixFailed<EventSubCreated>(
                400,
                "invalid transport and auth combination"),
            result);
    }

    [Fact]
    public async Task AWebSocketSessionThatIsNotConnectedIsRefused()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, ScopeSets.Regular);
        host.Fake.IsWebSocketSessionConnected = id => id == "some-other-session";

        var result = await host.Helix.CreateSubscriptionAsync(
            tokens.AccessToken,
            WebSocket("stream.online", "1", Broadcaster(StreamerId)),
            Ct);

        var failed = Assert.IsType<HelixFailed<EventSubCreated>>(result);
        Assert.Equal(400, failed.Status);
        Assert.Contains("session does not exist", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebSocketCostLimitIsReturnedAs429WithoutWaiting()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, ScopeSets.Regular);
        for (var i = 0; i < 10; i++)
        {
            // stream.online of a channel that never authorized the client costs 1.
            var created = await host.Helix.CreateSubscriptionAsync(
                tokens.AccessToken,
                WebSocket("stream.online", "1", Broadcaster($"90000000{i}")),
                Ct);
            Assert.Equal(i + 1, Assert.IsType<HelixOk<EventSubCreated>>(
                created).Value.TotalCost);
        }

        var eleventh = await host.Helix.CreateSubscriptionAsync(
            tokens.AccessToken,
            WebSocket("stream.online", "1", Broadcaster("900000010")),
            Ct);

        Assert.Equal(429, Assert.IsType<HelixFailed<EventSubCreated>>(
            eleventh).Status);
        Assert.Equal(11, host.Fake.Requests.Count(r => r.Path == "/helix/eventsub/subscriptions"));
    }

    [Fact]
    public async Task ListingFollowsTheCursorAcrossEveryPage()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        var types = new[] { "stream.online", "stream.offline", "channel.update", "channel.vip.add", "channel.cheer" };
        foreach (var type in types)
        {
            host.Fake.AddSubscription(type, type == "channel.update" ? "2" : "1", Broadcaster(StreamerId));
        }

        host.Fake.AddSubscription("stream.online", "1", Broadcaster(ViewerId), cost: 1);
        host.Fake.AddSubscription("channel.hype_train.begin", "1", Broadcaster(StreamerId), status: "version_removed");

        var result = await host.Helix.ListSubscriptionsAsync(app, StreamerId, Ct);

        var list = Assert.IsType<HelixOk<EventSubSubscriptionList>>(result).Value;
        Assert.Equal([.. types, "channel.hype_train.begin"], list.Subscriptions.Select(s => s.Type));
        Assert.Equal("version_removed", list.Subscriptions[^1].Status);
        Assert.Equal((7, 1, 10_000), (list.Total, list.TotalCost, list.MaxTotalCost));
        var pages = host.Fake.Requests
            .Where(r => r.Method == "GET" && r.Path == "/helix/eventsub/subscriptions")
            .ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal($"?user_id={StreamerId}", pages[0].Query);
        Assert.All(pages.Skip(1), p => Assert.Contains("&after=", p.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AUserTokenListsOnlyThatUsersWebSocketSubscriptions()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, ScopeSets.Regular);
        host.Fake.AddSubscription("stream.online", "1", Broadcaster(StreamerId), transportMethod: "websocket");
        host.Fake.AddSubscription("stream.offline", "1", Broadcaster(StreamerId));
        host.Fake.AddSubscription("stream.online", "1", Broadcaster(ViewerId), transportMethod: "websocket");

        var result = await host.Helix.ListSubscriptionsAsync(tokens.AccessToken, null, Ct);

        var list = Assert.IsType<HelixOk<EventSubSubscriptionList>>(result).Value;
        var only = Assert.Single(list.Subscriptions);
        Assert.Equal(("stream.online", "websocket"), (only.Type, only.TransportMethod));
        Assert.Equal(10, list.MaxTotalCost);
    }

    [Fact]
    public async Task RevokedAuthorizationShowsInTheListAsAuthorizationRevoked()
    {
        await using var host = await StartAsync();
        host.Fake.IssueUserToken(StreamerId, ScopeSets.Regular);
        var app = await host.AppTokenAsync();
        await host.Helix.CreateSubscriptionAsync(app, Webhook("channel.follow", "2", FollowCondition), Ct);
        host.Fake.RevokeAuthorization(StreamerId);

        var result = await host.Helix.ListSubscriptionsAsync(app, StreamerId, Ct);

        var subscription = Assert.Single(Assert.IsType<HelixOk<EventSubSubscriptionList>>(result).Value.Subscriptions);
        Assert.Equal("authorization_revoked", subscription.Status);
    }

    [Fact]
    public async Task DeleteIsTrueOnceAndFalseForASubscriptionThatIsGone()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        var seeded = host.Fake.AddSubscription("stream.online", "1", Broadcaster(StreamerId));

        var first = await host.Helix.DeleteSubscriptionAsync(app, seeded.Id, Ct);
        var second = await host.Helix.DeleteSubscriptionAsync(app, seeded.Id, Ct);

        Assert.Equal(new HelixOk<bool>(true), first);
        Assert.Equal(new HelixOk<bool>(false), second);
        Assert.Empty(host.Fake.Subscriptions);
        Assert.Equal($"?id={seeded.Id}", host.Fake.Requests.Last().Query);
    }

    [Fact]
    public async Task AnExpiredAppTokenMakesListingUnauthorized()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        host.Fake.ExpireAccessToken(app);

        var result = await host.Helix.ListSubscriptionsAsync(app, null, Ct);

        Assert.Equal(new HelixUnauthorized<EventSubSubscriptionList>("Invalid OAuth token"), result);
    }

    [Fact]
    public async Task ACreateIsNotRetriedOnAServerError()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        host.Fake.FailNext(502, count: 1, pathContains: "/eventsub/");

        var result = await host.Helix.CreateSubscriptionAsync(
            app,
            Webhook("stream.online", "1", Broadcaster(StreamerId)),
            Ct);

        Assert.Equal(502, Assert.IsType<HelixFailed<EventSubCreated>>(
            result).Status);
        Assert.Equal(1, host.Fake.Requests.Count(r => r.Path == "/helix/eventsub/subscriptions"));
    }
}
