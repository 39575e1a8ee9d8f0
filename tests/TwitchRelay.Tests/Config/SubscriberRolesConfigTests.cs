using TwitchRelay.Cli;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Config;

/// <summary>The <c>subscriberRoles</c> of a guild in the rules file: validated with paths, round-tripped by export.
/// </summary>
public sealed class SubscriberRolesConfigTests : IDisposable
{
    private readonly TestSettings settings = new();

    public void Dispose() => settings.Dispose();

    [Fact]
    public async Task WrongSubscriberRolesAreNamedByPath()
    {
        var file = await WriteAsync("""
            { "version": 1,
              "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147", "alerts": [],
                            "subscriberRoles": { "roleId": "920000000000000001", "tier1000": "vip" } },
                          { "guildId": "900000000000000002", "broadcasterId": "583920147", "alerts": [],
                            "subscriberRoles": { "includeGifts": false } } ] }
            """);

        var (exit, _, error) = await RunAsync("config", "import", file);

        Assert.Equal(1, exit);
        Assert.Contains("guilds[0].subscriberRoles.tier1000: must be a Discord id", error, StringComparison.Ordinal);
        Assert.Contains("guilds[0].subscriberRoles.roleId: give either one role for every tier", error,
            StringComparison.Ordinal);
        Assert.Contains("guilds[1].subscriberRoles: name at least one role", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscriberRolesRoundTripThroughExport()
    {
        var file = await WriteAsync("""
            { "version": 1,
              "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147", "alerts": [],
                            "subscriberRoles": { "tier1000": "920000000000000011", "tier3000": "920000000000000013",
                                                 "giftRoleId": "920000000000000014", "includeGifts": false } } ] }
            """);
        var (imported, _, importError) = await RunAsync("config", "import", file);
        Assert.True(imported == 0, importError);

        var (exit, output, _) = await RunAsync("config", "export");

        Assert.Equal(0, exit);
        Assert.Contains("\"tier1000\": \"920000000000000011\"", output, StringComparison.Ordinal);
        Assert.Contains("\"tier3000\": \"920000000000000013\"", output, StringComparison.Ordinal);
        Assert.Contains("\"giftRoleId\": \"920000000000000014\"", output, StringComparison.Ordinal);
        Assert.Contains("\"includeGifts\": false", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tier2000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGracePeriodOutOfRangeStopsServeWithTheSettingsName()
    {
        settings.With("Roles:SubscriberEndGrace", "40.00:00:00");

        var (exit, _, error) = await RunAsync("serve");

        Assert.Equal(2, exit);
        Assert.Contains("Roles:SubscriberEndGrace must be between", error, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string json)
    {
        var path = Path.Combine(settings.Folder, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(args, settings.Build(), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
