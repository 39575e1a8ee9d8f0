using TwitchRelay.Cli;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Config;

/// <summary><c>doctor</c> names what would stop an alert before a community misses one.</summary>
public sealed class DoctorTests
{
    private const string GuildId = "410000000000000001";
    private const string AlertsChannelId = "410000000000000010";
    private const string HiddenChannelId = "410000000000000011";
    private const string QuietRoleId = "410000000000000020";
    private const string PingRoleId = "410000000000000021";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NamesTheMissingPermissionsTheUnpingableRoleAndTheUnlinkedAccount()
    {
        await using var discord = await FakeDiscord.StartAsync(
            new FakeDiscordOptions { BotToken = TestSecrets.BotToken });
        await using var twitch = await FakeTwitch.StartAsync("doctor-client", "doctor-secret");
        var guild = discord.AddGuild(GuildId, "510000000000000001", "Northwind");
        guild.AddRole(QuietRoleId, "Quiet", 2).AddRole(PingRoleId, "Ping", 3, mentionable: true);
        guild.AddTextChannel(AlertsChannelId, "alerts");
        guild.AddTextChannel(HiddenChannelId, "mods-only", new FakeOverwrite(GuildId, 0, 0, 1UL << 10));
        using var settings = Settings(discord, twitch);
        await ImportAsync(settings, $$"""
            { "version": 1, "guilds": [ { "guildId": "{{GuildId}}", "broadcasterId": "583920147",
              "alerts": [
                { "event": "follow", "channelId": "{{AlertsChannelId}}", "mentionRoleIds": ["{{PingRoleId}}"] },
                { "event": "raid", "channelId": "{{AlertsChannelId}}", "mentionRoleIds": ["{{QuietRoleId}}"] },
                { "event": "ban", "channelId": "{{HiddenChannelId}}" } ] } ] }
            """);

        var (exit, output, _) = await RunAsync(settings, "doctor");

        Assert.Equal(1, exit);
        Assert.Contains("ok    Twitch accepted the client credentials", output, StringComparison.Ordinal);
        Assert.Contains("ok    Discord accepted the bot token (bot TwitchRelay", output, StringComparison.Ordinal);
        Assert.Contains("FAIL  guild 410000000000000001: broadcaster 583920147 is not linked yet", output,
            StringComparison.Ordinal);
        Assert.Contains($"ok    Northwind: follow can be posted in channel {AlertsChannelId}", output,
            StringComparison.Ordinal);
        Assert.Contains("FAIL  Northwind: raid: the role @Quiet is not mentionable", output, StringComparison.Ordinal);
        Assert.Contains(
            "FAIL  Northwind: ban: in #mods-only the bot lacks View Channel, Send Messages, Embed Links",
            output,
            StringComparison.Ordinal);
        Assert.Contains("3 problem(s) found.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentialsItSaysWhichSettingsAreMissingAndPostsNothing()
    {
        await using var discord = await FakeDiscord.StartAsync(
            new FakeDiscordOptions { BotToken = TestSecrets.BotToken });
        using var settings = new TestSettings(discord.ApiBaseUrl, botToken: null);

        var (exit, output, _) = await RunAsync(settings, "doctor");

        Assert.Equal(1, exit);
        Assert.Contains("FAIL  Twitch:ClientId and Twitch:ClientSecret are not set", output, StringComparison.Ordinal);
        Assert.Contains("skip  Discord:BotToken is not set", output, StringComparison.Ordinal);
        Assert.Contains("skip  no guild is configured yet", output, StringComparison.Ordinal);
        Assert.Empty(discord.Requests);
    }

    [Fact]
    public async Task ARefusedBotTokenIsAProblemNotACrash()
    {
        await using var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { BotToken = "another-token" });
        using var settings = new TestSettings(discord.ApiBaseUrl);

        var (exit, output, _) = await RunAsync(settings, "doctor");

        Assert.Equal(1, exit);
        Assert.Contains(
            "FAIL  Discord bot token: Discord refused the bot token (401)",
            output,
            StringComparison.Ordinal);
    }

    private static TestSettings Settings(FakeDiscord discord, FakeTwitch twitch) =>
        new TestSettings(discord.ApiBaseUrl)
            .With("Twitch:ClientId", twitch.ClientId)
            .With("Twitch:ClientSecret", twitch.ClientSecret)
            .With("Twitch:ApiBaseUrl", twitch.ApiBaseUrl)
            .With("Twitch:AuthBaseUrl", twitch.AuthBaseUrl);

    private static async Task ImportAsync(TestSettings settings, string json)
    {
        var file = Path.Combine(settings.Folder, "rules.json");
        await File.WriteAllTextAsync(file, json, Ct);
        var (exit, _, error) = await RunAsync(settings, "config", "import", file);
        Assert.True(exit == 0, error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(
        TestSettings settings,
        params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(args, settings.Build(), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
