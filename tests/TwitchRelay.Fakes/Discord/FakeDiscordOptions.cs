namespace TwitchRelay.Fakes.Discord;

/// <summary>How the fake Discord behaves before any per-test script.</summary>
public sealed class FakeDiscordOptions
{
    /// <summary>The token the fake expects after "Bot ".</summary>
    public string BotToken { get; set; } = "fake-bot-token";

    /// <summary>The OAuth2 application's client id and secret the token endpoint accepts (Basic auth).</summary>
    public string OAuthClientId { get; set; } = "100000000000000099";

    public string OAuthClientSecret { get; set; } = "fake-oauth-client-secret";

    /// <summary>Drives rate-limit windows, delays, timestamps and snowflakes. Share a FakeTimeProvider with the
    /// client under test to control both clocks.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Requests per bucket window per major id (channel or webhook), like Discord's 5 per 2 s.</summary>
    public int BucketLimit { get; set; } = 5;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Requests per second over all routes, like Discord's global 50 per second per bot.</summary>
    public int GlobalLimit { get; set; } = 50;
}
