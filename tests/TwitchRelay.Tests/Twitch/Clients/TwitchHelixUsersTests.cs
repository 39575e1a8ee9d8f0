using TwitchRelay.Twitch.Helix;
using static TwitchRelay.Tests.Twitch.Clients.TwitchTestHost;

namespace TwitchRelay.Tests.Twitch.Clients;

public sealed class TwitchHelixUsersTests
{
    private static readonly string[] Scopes = ["moderator:read:followers"];

    [Fact]
    public async Task CurrentUserIsTheTokensOwnerWithBroadcasterTypeAndTheCallCarriesBearerAndClientId()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, Scopes);

        var result = await host.Helix.GetCurrentUserAsync(tokens.AccessToken, Ct);

        var user = Assert.IsType<HelixOk<TwitchUser?>>(result).Value;
        Assert.Equal(StreamerId, user?.Id);
        Assert.Equal(StreamerLogin, user?.Login);
        Assert.Equal("TwitchDev", user?.DisplayName);
        Assert.Equal("partner", user?.BroadcasterType);
        Assert.EndsWith("twitchdev-profile_image-300x300.png", user?.ProfileImageUrl, StringComparison.Ordinal);
        var request = host.Fake.Requests.Single(r => r.Path == "/helix/users");
        Assert.Equal("Bearer " + tokens.AccessToken, request.Header("Authorization"));
        Assert.Equal(ClientId, request.Header("Client-Id"));
        Assert.Equal("", request.Query);
        Assert.StartsWith("TwitchRelay/", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BroadcasterTypeFollowsTheAccountWhenItBecomesAffiliate()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(ViewerId, Scopes);
        var before = await host.Helix.GetCurrentUserAsync(tokens.AccessToken, Ct);
        host.Fake.SetBroadcasterType(ViewerId, "affiliate");

        var after = await host.Helix.GetCurrentUserAsync(tokens.AccessToken, Ct);

        Assert.Equal("", Assert.IsType<HelixOk<TwitchUser?>>(before).Value?.BroadcasterType);
        Assert.Equal("affiliate", Assert.IsType<HelixOk<TwitchUser?>>(after).Value?.BroadcasterType);
    }

    [Fact]
    public async Task UsersByLoginReturnsTheKnownOnesAndSendsOneLoginParameterEach()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();

        var result = await host.Helix.GetUsersByLoginAsync(app, ["TwitchDev", "someviewer", "nobody_here"], Ct);

        var users = Assert.IsType<HelixOk<IReadOnlyList<TwitchUser>>>(result).Value;
        Assert.Equal([StreamerId, ViewerId], users.Select(u => u.Id).Order());
        Assert.Equal(
            "?login=TwitchDev&login=someviewer&login=nobody_here",
            host.Fake.Requests.Single(r => r.Path == "/helix/users").Query);
    }

    [Fact]
    public async Task UsersByLoginRefusesMoreThanOneHundredLoginsAndAsksNothingForNone()
    {
        await using var host = await StartAsync();

        var none = await host.Helix.GetUsersByLoginAsync("token", [], Ct);
        var tooMany = await Assert.ThrowsAsync<ArgumentException>(
            () => host.Helix.GetUsersByLoginAsync("token", Enumerable.Range(0, 101).Select(i => $"u{i}"), Ct));

        Assert.Empty(Assert.IsType<HelixOk<IReadOnlyList<TwitchUser>>>(none).Value);
        Assert.Equal("logins", tooMany.ParamName);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public async Task AnExpiredTokenIsUnauthorizedAndTheRefreshedOneWorks()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, Scopes);
        host.Fake.ExpireAccessTokensOf(StreamerId);

        var expired = await host.Helix.GetCurrentUserAsync(tokens.AccessToken, Ct);
        var refreshed = await host.Auth.RefreshAsync(tokens.RefreshToken!, Ct);
        var newToken = Assert.IsType<TwitchRelay.Twitch.OAuth.TwitchTokenIssued>(refreshed).Tokens.AccessToken;
        var retried = await host.Helix.GetCurrentUserAsync(newToken, Ct);

        Assert.Equal(new HelixUnauthorized<TwitchUser?>("Invalid OAuth token"), expired);
        Assert.Equal(StreamerId, Assert.IsType<HelixOk<TwitchUser?>>(retried).Value?.Id);
    }

    [Fact]
    public async Task ATokenOfAnotherClientIdIsUnauthorized()
    {
        await using var host = await StartAsync();
        var token = host.Fake.IssueUserToken(StreamerId, Scopes);
        await using var other = await StartAsync(s =>
        {
            s["Twitch:ClientId"] = "anotherclientid";
            s["Twitch:ApiBaseUrl"] = host.Fake.ApiBaseUrl;
        });

        var result = await other.Helix.GetCurrentUserAsync(token.AccessToken, Ct);

        Assert.Equal(new HelixUnauthorized<TwitchUser?>("Client ID and OAuth token do not match"), result);
    }

    [Fact]
    public async Task AnAppTokenWithoutParametersIsABadRequest()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();

        var result = await host.Helix.GetCurrentUserAsync(app, Ct);

        Assert.Equal(new HelixFailed<TwitchUser?>(400, "Must provide an ID, Login or OAuth Token"), result);
    }

    [Fact]
    public async Task A429IsWaitedOutUntilRatelimitResetAndRetriedOnce()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        host.Fake.ExhaustRateLimit(TimeSpan.FromSeconds(5));
        var reset = host.Time.GetUtcNow().AddSeconds(5);

        var result = await host.DriveAsync(host.Helix.GetUsersByLoginAsync(app, [StreamerLogin], Ct));

        Assert.Equal(StreamerId, Assert.Single(Assert.IsType<HelixOk<IReadOnlyList<TwitchUser>>>(result).Value).Id);
        var calls = host.Fake.Requests.Where(r => r.Path == "/helix/users").ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].Time >= reset, $"retried at {calls[1].Time:O}, before the reset at {reset:O}");
    }

    [Fact]
    public async Task ASecond429IsReturnedAsFailedInsteadOfWaitedOutAgain()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        host.Fake.RateLimitPoints = 0;

        var result = await host.DriveAsync(host.Helix.GetUsersByLoginAsync(app, [StreamerLogin], Ct));

        Assert.Equal(429, Assert.IsType<HelixFailed<IReadOnlyList<TwitchUser>>>(result).Status);
        Assert.Equal(2, host.Fake.Requests.Count(r => r.Path == "/helix/users"));
    }

    [Fact]
    public async Task AServerErrorOnAGetIsRetried()
    {
        await using var host = await StartAsync();
        var app = await host.AppTokenAsync();
        host.Fake.FailNext(503, count: 2, pathContains: "/helix/users");

        var result = await host.Helix.GetUsersByLoginAsync(app, [StreamerLogin], Ct);

        Assert.IsType<HelixOk<IReadOnlyList<TwitchUser>>>(result);
        Assert.Equal([503, 503, 200], host.Fake.Requests.Where(r => r.Path == "/helix/users").Select(r => r.Status));
    }
}
