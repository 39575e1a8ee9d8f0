using TwitchRelay.Alerts;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.OAuth;
using static TwitchRelay.Tests.Twitch.Clients.TwitchTestHost;

namespace TwitchRelay.Tests.Twitch.Clients;

public sealed class TwitchClientLoggingTests
{
    private const string WebhookSecret = "eventsub-secret-SECRET-abcdef987654";

    [Fact]
    public async Task NoTokenCodeOrSecretReachesTheLogsAtTraceLevel()
    {
        await using var host = await StartAsync();
        host.Fake.SignInAs(StreamerId);
        var url = host.Auth.BuildAuthorizeUrl(RedirectUri, ScopeSets.AffiliateOrPartner, "state-9", false);
        var (_, query) = await VisitAsync(url);
        var code = query["code"];

        var linked = Assert.IsType<TwitchTokenIssued>(await host.Auth.ExchangeCodeAsync(code, RedirectUri, Ct)).Tokens;
        await host.Auth.ExchangeCodeAsync(code, RedirectUri, Ct);
        var refreshed = Assert.IsType<TwitchTokenIssued>(await host.Auth.RefreshAsync(linked.RefreshToken!, Ct)).Tokens;
        await host.Auth.RefreshAsync(linked.RefreshToken!, Ct);
        await host.Auth.ValidateAsync(refreshed.AccessToken, Ct);
        var app = await host.AppTokenAsync();
        host.Fake.FailNext(503, count: 1, pathContains: "/helix/users");
        await host.Helix.GetCurrentUserAsync(refreshed.AccessToken, Ct);
        var condition = new Dictionary<string, string> { ["broadcaster_user_id"] = StreamerId };
        var request = new EventSubSubscriptionRequest(
            "channel.cheer",
            "1",
            condition,
            new EventSubTransportRequest("webhook", "https://relay.example.com/eventsub", WebhookSecret));
        await host.Helix.CreateSubscriptionAsync(app, request, Ct);
        await host.Helix.CreateSubscriptionAsync(app, request, Ct);
        await host.Helix.ListSubscriptionsAsync(app, StreamerId, Ct);
        host.Fake.ExpireAccessToken(linked.AccessToken);
        await host.Helix.GetCurrentUserAsync(linked.AccessToken, Ct);
        await host.Auth.ValidateAsync(linked.AccessToken, Ct);
        await host.Auth.RevokeAsync(refreshed.AccessToken, Ct);

        string[] secrets =
        [
            code,
            linked.AccessToken,
            linked.RefreshToken!,
            refreshed.AccessToken,
            refreshed.RefreshToken!,
            app,
            ClientSecret,
            WebhookSecret,
        ];
        Assert.Contains(host.Logs.Entries, l => l.EventId == 3001);
        Assert.Contains(host.Logs.Entries, l => l.EventId == 3100);
        Assert.Contains(host.Logs.Entries, l => l.EventId == 3103);
        Assert.Contains(host.Fake.Requests, r => r.Status == 503);
        foreach (var line in host.Logs.Entries)
        {
            Assert.DoesNotContain(secrets, s => line.AllText.Contains(s, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ToStringOfTokensAndTransportsHidesTheirSecrets()
    {
        var tokens = new TwitchTokens("access-SECRET-1", "refresh-SECRET-2", DateTimeOffset.UnixEpoch, ["bits:read"]);
        var transport = new EventSubTransportRequest("webhook", "https://relay.example.com/eventsub", "hook-SECRET-3");
        var request = new EventSubSubscriptionRequest(
            "channel.cheer",
            "1",
            new Dictionary<string, string>(),
            transport);

        string[] printed = [tokens.ToString(), new TwitchTokenIssued(tokens).ToString(), request.ToString()];

        Assert.All(printed, p => Assert.DoesNotContain("SECRET", p, StringComparison.Ordinal));
        Assert.Contains("bits:read", printed[1], StringComparison.Ordinal);
        Assert.Contains("https://relay.example.com/eventsub", printed[2], StringComparison.Ordinal);
    }
}
