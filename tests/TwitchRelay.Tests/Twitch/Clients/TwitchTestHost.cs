using System.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Tests.Discord;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.OAuth;
using TwitchRelay.Twitch;

namespace TwitchRelay.Tests.Twitch.Clients;

/// <summary>A FakeTwitch on loopback and the clients built by AddTwitchClients, sharing one FakeTimeProvider, with
/// every log line captured at Trace.</summary>
internal sealed class TwitchTestHost : IAsyncDisposable
{
    public const string ClientId = "fakeclientid0123456789abcdef";
    public const string ClientSecret = "client-secret-SECRET-0a1b2c3d";
    public const string RedirectUri = "https://relay.example.com/auth/twitch/callback?from=dashboard";
    public const string StreamerId = "141981764";
    public const string StreamerLogin = "twitchdev";
    public const string ViewerId = "500000001";

    private readonly ServiceProvider services;

    private TwitchTestHost(
        FakeTwitch fake,
        FakeTimeProvider time,
        ServiceProvider services,
        CapturingLoggerProvider logs)
    {
        Fake = fake;
        Time = time;
        this.services = services;
        Logs = logs;
    }

    public FakeTwitch Fake { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public TwitchAuthClient Auth => services.GetRequiredService<TwitchAuthClient>();

    public TwitchHelixClient Helix => services.GetRequiredService<TwitchHelixClient>();

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the fake with a partner streamer and a regular viewer, and the clients pointed at it.
    /// <paramref name="settings"/> may change or remove (null) any Twitch:* setting.</summary>
    public static async Task<TwitchTestHost> StartAsync(Action<Dictionary<string, string?>>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var fake = await FakeTwitch.StartAsync(ClientId, ClientSecret, time);
        fake.AddUser(StreamerId, StreamerLogin, "TwitchDev", "partner");
        fake.AddUser(ViewerId, "someviewer", "SomeViewer");

        var values = new Dictionary<string, string?>
        {
            ["Twitch:ClientId"] = ClientId,
            ["Twitch:ClientSecret"] = ClientSecret,
            ["Twitch:AuthBaseUrl"] = fake.AuthBaseUrl,
            ["Twitch:ApiBaseUrl"] = fake.ApiBaseUrl,
        };
        settings?.Invoke(values);

        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddSingleton<TimeProvider>(time);

        // Transient retries without back-off, so no clock needs driving for them.
        collection.AddSingleton(new TwitchHttpTuning { TransientBaseDelay = TimeSpan.Zero });
        collection.AddTwitchClients();
        return new TwitchTestHost(fake, time, collection.BuildServiceProvider(validateScopes: true), logs);
    }

    /// <summary>Follows an authorize URL as a browser would, without following the redirect back: the 302's
    /// Location, with its query parsed.</summary>
    public static async Task<(Uri Location, Dictionary<string, string> Query)> VisitAsync(string authorizeUrl)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler);
        using var response = await browser.GetAsync(new Uri(authorizeUrl), Ct);
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        return (location, query);
    }

    /// <summary>The whole link flow for <paramref name="userId"/>: authorize, consent, code exchange.</summary>
    public async Task<TwitchTokens> LinkAsync(string userId, IEnumerable<string> scopes)
    {
        Fake.SignInAs(userId);
        var (_, query) = await VisitAsync(Auth.BuildAuthorizeUrl(RedirectUri, scopes, "state-1", forceVerify: false));
        var result = await Auth.ExchangeCodeAsync(query["code"], RedirectUri, Ct);
        return Assert.IsType<TwitchTokenIssued>(result).Tokens;
    }

    public async Task<string> AppTokenAsync()
    {
        var result = await Auth.GetAppTokenAsync(Ct);
        return Assert.IsType<TwitchTokenIssued>(result).Tokens.AccessToken;
    }

    /// <summary>Runs a call that waits on the clock: advances the fake clock a second at a time until the call
    /// completes. Fails after 30 s of real time.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call)
    {
        var watch = Stopwatch.StartNew();
        while (!call.IsCompleted)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the call did not complete while time was driven");
            Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(5, Ct));
        }

        return await call;
    }

    public async ValueTask DisposeAsync()
    {
        await FakeTimeDisposal.DisposeAsync(services, services.GetService<TimeProvider>());
        await Fake.DisposeAsync();
    }
}
