using Microsoft.AspNetCore.WebUtilities;
using TwitchRelay.Alerts;
using TwitchRelay.Twitch.OAuth;
using static TwitchRelay.Tests.Twitch.Clients.TwitchTestHost;

namespace TwitchRelay.Tests.Twitch.Clients;

public sealed class TwitchAuthClientTests
{
    private static readonly string[] FollowAndMods = ["moderator:read:followers", "moderation:read"];

    [Fact]
    public async Task AuthorizeUrlCarriesTheCodeFlowParametersWithSpaceSeparatedEncodedScopes()
    {
        await using var host = await StartAsync();

        var url = host.Auth.BuildAuthorizeUrl(RedirectUri, FollowAndMods, "st/ate+1", forceVerify: false);

        var uri = new Uri(url);
        Assert.Equal(host.Fake.AuthBaseUrl + "/authorize", uri.GetLeftPart(UriPartial.Path));
        Assert.Contains("scope=moderator%3Aread%3Afollowers%20moderation%3Aread", uri.Query, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(uri.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal(RedirectUri, query["redirect_uri"]);
        Assert.Equal("moderator:read:followers moderation:read", query["scope"]);
        Assert.Equal("st/ate+1", query["state"]);
        Assert.False(query.ContainsKey("force_verify"));
    }

    [Fact]
    public async Task ForceVerifyIsSentWhenReLinkingAndTheFakeGrantsTheRequestedScopes()
    {
        await using var host = await StartAsync();
        host.Fake.SignInAs(StreamerId);

        var url = host.Auth.BuildAuthorizeUrl(RedirectUri, ScopeSets.AffiliateOrPartner, "s2", forceVerify: true);
        var (location, query) = await VisitAsync(url);

        Assert.StartsWith(RedirectUri + "&code=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("s2", query["state"]);
        Assert.Equal(string.Join(' ', ScopeSets.AffiliateOrPartner), query["scope"]);
        var visit = Assert.Single(host.Fake.Authorizations);
        Assert.True(visit.ForceVerify);
        Assert.Equal(ScopeSets.AffiliateOrPartner, visit.Scopes);
    }

    [Fact]
    public async Task ExchangedCodeGivesUserTokensThatExpireWhenTwitchSays()
    {
        await using var host = await StartAsync();

        var tokens = await host.LinkAsync(StreamerId, FollowAndMods);

        Assert.Equal(FollowAndMods, tokens.Scopes);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal(host.Time.GetUtcNow() + host.Fake.UserTokenLifetime, tokens.ExpiresAt);
        var issued = Assert.Single(host.Fake.IssuedTokens);
        Assert.Equal(issued.AccessToken, tokens.AccessToken);
        Assert.Equal(StreamerId, issued.UserId);

        var exchange = host.Fake.Requests.Single(r => r.Path == "/oauth2/token");
        Assert.StartsWith(
            "application/x-www-form-urlencoded",
            exchange.Header("Content-Type"),
            StringComparison.Ordinal);
        Assert.Equal("authorization_code", exchange.Form["grant_type"]);
        Assert.Equal(ClientSecret, exchange.Form["client_secret"]);
        Assert.Equal(RedirectUri, exchange.Form["redirect_uri"]);
    }

    [Fact]
    public async Task ACodeCannotBeExchangedTwice()
    {
        await using var host = await StartAsync();
        host.Fake.SignInAs(StreamerId);
        var (_, query) = await VisitAsync(host.Auth.BuildAuthorizeUrl(RedirectUri, FollowAndMods, "s", false));
        Assert.IsType<TwitchTokenIssued>(await host.Auth.ExchangeCodeAsync(query["code"], RedirectUri, Ct));

        var again = await host.Auth.ExchangeCodeAsync(query["code"], RedirectUri, Ct);

        Assert.Equal(new TwitchTokenRefused(400, "Invalid authorization code"), again);
        Assert.Single(host.Fake.IssuedTokens);
    }

    [Fact]
    public async Task UntickedScopesAreMissingFromTheIssuedTokens()
    {
        await using var host = await StartAsync();
        host.Fake.GrantOnly(["moderation:read"]);

        var tokens = await host.LinkAsync(StreamerId, FollowAndMods);

        Assert.Equal(["moderation:read"], tokens.Scopes);
        Assert.Equal(["moderation:read"], host.Fake.GrantedScopes(StreamerId));
    }

    [Fact]
    public async Task RefreshRotatesBothTokensAndTheOldRefreshTokenIsRefusedAfterwards()
    {
        await using var host = await StartAsync();
        var first = await host.LinkAsync(StreamerId, FollowAndMods);

        var refreshed = Assert.IsType<TwitchTokenIssued>(await host.Auth.RefreshAsync(first.RefreshToken!, Ct)).Tokens;
        var reused = await host.Auth.RefreshAsync(first.RefreshToken!, Ct);

        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.NotEqual(first.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(FollowAndMods, refreshed.Scopes);
        Assert.Equal(new TwitchTokenRefused(400, "Invalid refresh token"), reused);
        Assert.IsType<TwitchTokenIssued>(await host.Auth.RefreshAsync(refreshed.RefreshToken!, Ct));
    }

    [Fact]
    public async Task RefreshAfterTheStreamerDisconnectedTheAppIsRefusedWith400()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, FollowAndMods);
        host.Fake.RevokeAuthorization(StreamerId);

        var result = await host.Auth.RefreshAsync(tokens.RefreshToken!, Ct);

        Assert.Equal(new TwitchTokenRefused(400, "Invalid refresh token"), result);
        Assert.Null(await host.Auth.ValidateAsync(tokens.AccessToken, Ct));
    }

    [Fact]
    public async Task AWrongClientSecretIsRefusedWith403()
    {
        await using var host = await StartAsync(s => s["Twitch:ClientSecret"] = "not-the-secret");

        var result = await host.Auth.GetAppTokenAsync(Ct);

        Assert.Equal(new TwitchTokenRefused(403, "invalid client secret"), result);
    }

    [Fact]
    public async Task AppTokenHasNoRefreshTokenAndValidatesWithoutAUser()
    {
        await using var host = await StartAsync();

        var tokens = Assert.IsType<TwitchTokenIssued>(await host.Auth.GetAppTokenAsync(Ct)).Tokens;
        var validation = await host.Auth.ValidateAsync(tokens.AccessToken, Ct);

        Assert.Null(tokens.RefreshToken);
        Assert.Empty(tokens.Scopes);
        var request = host.Fake.Requests.Single(r => r.Path == "/oauth2/token");
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.NotNull(validation);
        Assert.Equal(ClientId, validation.ClientId);
        Assert.Null(validation.UserId);
        Assert.Null(validation.Login);
    }

    [Fact]
    public async Task ValidateUsesTheOAuthSchemeAndReportsTheUserScopesAndRemainingLifetime()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, FollowAndMods);
        host.Time.Advance(TimeSpan.FromHours(1));

        var validation = await host.Auth.ValidateAsync(tokens.AccessToken, Ct);

        var request = host.Fake.Requests.Single(r => r.Path == "/oauth2/validate");
        Assert.Equal("OAuth " + tokens.AccessToken, request.Header("Authorization"));
        Assert.NotNull(validation);
        Assert.Equal(ClientId, validation.ClientId);
        Assert.Equal(StreamerLogin, validation.Login);
        Assert.Equal(StreamerId, validation.UserId);
        Assert.Equal(FollowAndMods, validation.Scopes);
        Assert.Equal(TimeSpan.FromHours(3), validation.ExpiresIn);
    }

    [Fact]
    public async Task ValidateReturnsNullWhenTwitchAnswers401()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, FollowAndMods);
        host.Fake.ExpireAccessToken(tokens.AccessToken);

        var validation = await host.Auth.ValidateAsync(tokens.AccessToken, Ct);

        Assert.Null(validation);
        Assert.Equal(401, host.Fake.Requests.Single(r => r.Path == "/oauth2/validate").Status);
    }

    [Fact]
    public async Task RevokedTokenIsDeadAndRevokingItAgainStillCountsAsRevoked()
    {
        await using var host = await StartAsync();
        var tokens = await host.LinkAsync(StreamerId, FollowAndMods);

        var revoked = await host.Auth.RevokeAsync(tokens.AccessToken, Ct);
        var again = await host.Auth.RevokeAsync(tokens.AccessToken, Ct);

        Assert.True(revoked);
        Assert.True(again);
        Assert.Equal([tokens.AccessToken], host.Fake.RevokedTokens);
        Assert.Equal([200, 400], host.Fake.Requests.Where(r => r.Path == "/oauth2/revoke").Select(r => r.Status));
        var form = host.Fake.Requests.First(r => r.Path == "/oauth2/revoke").Form;
        Assert.Equal(ClientId, form["client_id"]);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Null(await host.Auth.ValidateAsync(tokens.AccessToken, Ct));
    }

    [Fact]
    public async Task RevokeWithAClientIdTwitchDoesNotKnowReturnsFalse()
    {
        await using var host = await StartAsync();
        var token = host.Fake.IssueUserToken(StreamerId, FollowAndMods);
        await using var other = await StartAsync(s =>
        {
            s["Twitch:ClientId"] = "someotherclient";
            s["Twitch:AuthBaseUrl"] = host.Fake.AuthBaseUrl;
        });

        var revoked = await other.Auth.RevokeAsync(token.AccessToken, Ct);

        Assert.False(revoked);
        Assert.True(host.Fake.IsAccessTokenValid(token.AccessToken));
    }

    [Fact]
    public async Task CallsThatNeedAMissingCredentialThrowNamingTheSetting()
    {
        await using var noSecret = await StartAsync(s => s["Twitch:ClientSecret"] = null);
        await using var noId = await StartAsync(s => s["Twitch:ClientId"] = "");

        var secret = await Assert.ThrowsAsync<InvalidOperationException>(
            () => noSecret.Auth.RefreshAsync("some-refresh-token", Ct));
        var id = Assert.Throws<InvalidOperationException>(
            () => noId.Auth.BuildAuthorizeUrl(RedirectUri, FollowAndMods, "s", false));

        Assert.StartsWith("Twitch:ClientSecret ", secret.Message, StringComparison.Ordinal);
        Assert.StartsWith("Twitch:ClientId ", id.Message, StringComparison.Ordinal);
        Assert.Empty(noSecret.Fake.Requests);
    }

    [Fact]
    public async Task TokenRequestsAreNotRetriedOnAServerError()
    {
        await using var host = await StartAsync();
        host.Fake.FailNext(503, count: 1, pathContains: "/oauth2/token");

        var result = await host.Auth.GetAppTokenAsync(Ct);

        Assert.Equal(503, Assert.IsType<TwitchTokenRefused>(result).Status);
        Assert.Single(host.Fake.Requests);
    }
}
