using TwitchRelay.Cli;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Config;

/// <summary>A configuration mistake stops <c>serve</c> before anything starts, naming the setting as a user writes
/// it.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly TestSettings settings = new();

    public void Dispose() => settings.Dispose();

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "not a url", "Discord:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("Twitch:ApiBaseUrl", "ftp://api.example", "Twitch:ApiBaseUrl must be an absolute http(s) URL")]
    [InlineData("PublicUrl", "http://relay.example", "PublicUrl must be an absolute https URL")]
    [InlineData("Twitch:EventSubSecret", "short", "Twitch:EventSubSecret must be 10 to 100 characters")]
    [InlineData("Storage:Provider", "mysql", "Storage:Provider must be 'sqlite' or 'postgres'")]
    [InlineData("Delivery:MaxAttempts", "abc", "Failed to convert configuration value 'abc' at 'Delivery:MaxAttempts'")]
    [InlineData("Delivery:MaxAttempts", "0", "Delivery:MaxAttempts must be between 1 and 1000")]
    [InlineData("Delivery:FirstRetryDelay", "01:00:00", "Delivery:FirstRetryDelay must be positive and at most")]
    [InlineData("Storage:ConnectionString", "garbage=1", "Storage:ConnectionString is not a SQLite connection string")]
    [InlineData("Storage:ConnectionString", "Data Source=/nonexistent/dir/x.db",
        "Storage:ConnectionString names a file in '/nonexistent/dir', which does not exist")]
    [InlineData("Discord:GatewayUrl", "https://gateway.discord.gg", "Discord:GatewayUrl must be an absolute ws(s) URL")]
    [InlineData("Discord:CommandGuildId", "my-guild", "Discord:CommandGuildId must be a Discord id")]
    [InlineData("Discord:ClientId", "my-app", "Discord:ClientId must be the application id (17 to 20 digits)")]
    [InlineData(
        "Discord:OAuthAuthorizeUrl",
        "discord.com/oauth2",
        "Discord:OAuthAuthorizeUrl must be an absolute http(s)")]
    [InlineData("EventSub:Transport", "conduit", "EventSub:Transport must be 'websocket' or 'webhook'")]
    [InlineData("EventSub:WebSocketUrl", "bad", "EventSub:WebSocketUrl must be an absolute ws(s) URL")]
    [InlineData("Discord:CommandGuildId", "12", "Discord:CommandGuildId must be a Discord id (17 to 20 digits)")]
    [InlineData("Urls", "http://localhost:abc", "Urls must be http(s) URLs separated by ';'")]
    [InlineData("Urls", "notaurl", "Urls must be http(s) URLs separated by ';'")]
    [InlineData("Urls", "http://localhost:99999", "Urls must be http(s) URLs separated by ';'")]
    [InlineData("DataProtection:KeysPath", "", "DataProtection:KeysPath is required")]
    [InlineData("Streams:OfflineGrace", "-00:05:00", "Streams:OfflineGrace must be between 00:00:00 and 1.00:00:00")]
    [InlineData("Streams:OfflineGrace", "ten", "Failed to convert configuration value 'ten' at 'Streams:OfflineGrace'")]
    public async Task WrongValueStopsServeWithTheSettingsName(string key, string value, string expected)
    {
        settings.With(key, value);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RelayCli.RunAsync(["serve"], settings.Build(), output, error);

        Assert.Equal(2, exit);
        Assert.Contains($"Configuration error: {expected}", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(settings.Folder, "relay.db")));
    }

    [Fact]
    public async Task PostgresWithoutConnectionStringNamesTheMissingSetting()
    {
        settings.With("Storage:Provider", "postgres").With("Storage:ConnectionString", null);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await RelayCli.RunAsync(["serve"], settings.Build(), output, error);

        Assert.Equal(2, exit);
        Assert.Contains("Storage:ConnectionString is required when Storage:Provider is 'postgres'", error.ToString(),
            StringComparison.Ordinal);
    }
}
