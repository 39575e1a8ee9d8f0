using System.Net.Http.Json;
using TwitchRelay.Alerts;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Twitch.OAuth;
using static TwitchRelay.Tests.Twitch.Clients.TwitchTestHost;

namespace TwitchRelay.Tests.Twitch.Clients;

/// <summary>Rules of the fake itself that the client tests do not reach, and its agreement with the catalog.</summary>
public sealed class FakeTwitchTests
{
    private static readonly string[] Scopes = ["moderation:read"];

    [Fact]
    public void TheFakeKnowsEveryCatalogSubscriptionAndTheCatalogScopesSatisfyIt()
    {
        foreach (var definition in EventCatalog.All)
        {
            foreach (var subscription in definition.Subscriptions)
            {
                var type = FakeTwitchCatalog.Find(subscription.Type, subscription.Version);
                Assert.True(type is not null, $"{subscription.Type} v{subscription.Version} is unknown to FakeTwitch");
                Assert.True(
                    type.IsSatisfiedBy(ScopeSets.AffiliateOrPartner),
                    $"{subscription.Type} v{subscription.Version} needs a scope the affiliate set lacks");
            }
        }

        Assert.Null(FakeTwitchCatalog.Find("channel.follow", "1"));
        Assert.Null(FakeTwitchCatalog.Find("channel.hype_train.begin", "1"));
    }

    [Fact]
    public async Task DeniedConsentRedirectsWithAccessDeniedAndTheState()
    {
        await using var host = await StartAsync();
        host.Fake.SignInAs(StreamerId);
        host.Fake.DenyConsent();

        var (_, query) = await VisitAsync(host.Auth.BuildAuthorizeUrl(RedirectUri, Scopes, "st-7", false));

        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("The user denied you access", query["error_description"]);
        Assert.Equal("st-7", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task ACodeExpiresAfterTenMinutesAndIsBoundToItsRedirectUri()
    {
        await using var host = await StartAsync();
        host.Fake.SignInAs(StreamerId);
        var (_, late) = await VisitAsync(host.Auth.BuildAuthorizeUrl(RedirectUri, Scopes, "s", false));
        var (_, elsewhere) = await VisitAsync(host.Auth.BuildAuthorizeUrl(RedirectUri, Scopes, "s", false));

        var otherUri = await host.Auth.ExchangeCodeAsync(elsewhere["code"], "https://evil.example.com/cb", Ct);
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var expired = await host.Auth.ExchangeCodeAsync(late["code"], RedirectUri, Ct);

        Assert.Equal(new TwitchTokenRefused(400, "Invalid authorization code"), expired);
        Assert.Equal(new TwitchTokenRefused(400, "Parameter redirect_uri does not match registered URI"), otherUri);
        Assert.Empty(host.Fake.IssuedTokens);
    }

    [Fact]
    public async Task TokenEndpointAcceptsOnlyFormBodies()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsJsonAsync(
            new Uri(host.Fake.AuthBaseUrl + "/token"),
            new { client_id = ClientId, client_secret = ClientSecret, grant_type = "client_credentials" },
            Ct);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Empty(host.Fake.IssuedTokens);
    }

    [Fact]
    public async Task HelixWithoutClientIdIsUnauthorizedEvenWithAValidToken()
    {
        await using var host = await StartAsync();
        var token = host.Fake.IssueUserToken(StreamerId, Scopes);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, host.Fake.ApiBaseUrl + "/users");
        request.Headers.Authorization = new("Bearer", token.AccessToken);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Client ID is missing", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
