using Microsoft.EntityFrameworkCore;
using TwitchRelay.Cli;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Config;

/// <summary><c>config import</c> and <c>config export</c> through the real command line, on a real SQLite file.
/// </summary>
public sealed class ConfigImportTests : IDisposable
{
    private const string Webhook =
        "https://discord.com/api/webhooks/930000000000000001/tok_en-abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly TestSettings settings = new();

    public void Dispose() => settings.Dispose();

    [Fact]
    public async Task EveryErrorIsReportedWithItsPathAndNothingChanges()
    {
        await RunAsync("config", "import", await WriteAsync(Valid));
        var broken = """
            { "version": 1,
              "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147",
                            "alerts": [ { "event": "follow", "channelId": "910000000000000001" },
                                        { "event": "raid", "channelId": "910000000000000001" },
                                        { "event": "poll.end", "channelId": "12" },
                                        { "event": "folow", "channelId": "910000000000000001" },
                                        { "event": "cheer", "webhookUrl": "https://evil.example/api/webhooks/1/x" },
                                        { "event": "ban", "channelId": "910000000000000001",
                                          "webhookUrl": "https://discord.com/api/webhooks/930000000000000001/abc" },
                                        { "event": "raid", "channelId": "910000000000000001",
                                          "mentionRoleIds": ["everyone"], "template": "{raider} {nope}" } ] } ] }
            """;

        var (exit, _, error) = await RunAsync("config", "import", await WriteAsync(broken));

        Assert.Equal(1, exit);
        Assert.Contains("guilds[0].alerts[2].channelId: must be a Discord id", error, StringComparison.Ordinal);
        Assert.Contains("guilds[0].alerts[3].event: unknown event key \"folow\" (did you mean \"follow\"?)", error,
            StringComparison.Ordinal);
        Assert.Contains("guilds[0].alerts[4].webhookUrl: must be a Discord webhook URL", error,
            StringComparison.Ordinal);
        Assert.Contains("guilds[0].alerts[5]: give exactly one of channelId and webhookUrl", error,
            StringComparison.Ordinal);
        Assert.Contains("guilds[0].alerts[6].mentionRoleIds[0]: must be a Discord role id", error,
            StringComparison.Ordinal);
        Assert.Contains("guilds[0].alerts[6].template:", error, StringComparison.Ordinal);
        Assert.Contains("nope", error, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", error, StringComparison.Ordinal);
        Assert.Equal(["follow", "raid", "stream.online"], await RuleKeysAsync());
    }

    [Fact]
    public async Task AWrongTypeInsideSubscriberRolesIsNamedInJsonTerms()
    {
        var wrongType = """{ "version": 1, "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "1",""" +
            """ "alerts": [], "subscriberRoles": { "roleId": "910000000000000005", "includeGifts": "yes" } } ] }""";

        var (exit, _, error) = await RunAsync("config", "import", await WriteAsync(wrongType));

        Assert.Equal(1, exit);
        Assert.Contains(
            "guilds[0].subscriberRoles.includeGifts: expected true or false",
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPropertyAndWrongTypeAreReportedWithTheirPath()
    {
        var typo = """{ "version": 1, "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "1",""" +
            """ "alerts": [ { "event": "follow", "chanelId": "910000000000000001" } ] } ] }""";
        var wrongType = """{ "version": 1, "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "1",""" +
            """ "alerts": [ { "event": "follow", "channelId": "910000000000000001", "enabled": "yes" } ] } ] }""";

        var (typoExit, _, typoError) = await RunAsync("config", "import", await WriteAsync(typo));
        var (typeExit, _, typeError) = await RunAsync("config", "import", await WriteAsync(wrongType));

        Assert.Equal(1, typoExit);
        Assert.Contains("chanelId", typoError, StringComparison.Ordinal);
        Assert.Contains("unknown property", typoError, StringComparison.Ordinal);
        Assert.Equal(1, typeExit);
        Assert.Contains("guilds[0].alerts[0].enabled: expected true or false", typeError, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", typoError + typeError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateRulesEmptyTemplatesAndUpperCaseHostsAreJudgedSensibly()
    {
        var file = $$"""
            { "version": 1, "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147",
              "alerts": [ { "event": "raid", "channelId": "910000000000000001" },
                          { "event": "raid", "channelId": "910000000000000001" },
                          { "event": "follow", "channelId": "910000000000000001", "template": "  " },
                          { "event": "cheer", "webhookUrl": "{{Webhook.Replace("discord.com", "DISCORD.COM",
                              StringComparison.Ordinal)}}" } ] } ] }
            """;

        var (exit, _, error) = await RunAsync("config", "import", await WriteAsync(file));

        Assert.Equal(1, exit);
        Assert.Contains("guilds[0].alerts[1]: the same event and destination as alerts[0]", error,
            StringComparison.Ordinal);
        Assert.Contains("guilds[0].alerts[2].template: empty", error, StringComparison.Ordinal);
        Assert.DoesNotContain("alerts[3]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportWritesBackWhatWasImported()
    {
        await RunAsync("config", "import", await WriteAsync(Valid));

        var (exit, output, _) = await RunAsync("config", "export");

        Assert.Equal(0, exit);
        var exported = Cli.Config.AlertConfigStore.Parse(output, out var errors);
        Assert.Empty(errors);
        var alerts = exported.Guilds!.Single()!.Alerts!;
        Assert.Equal(["follow", "raid", "stream.online"], alerts.Select(x => x!.Event));
        Assert.Equal(Webhook, alerts[1]!.WebhookUrl);
        Assert.Equal(["920000000000000001"], alerts[2]!.MentionRoleIds!);
        Assert.Equal("{broadcaster} is live", alerts[2]!.Template);
        Assert.False(alerts[0]!.Enabled);
    }

    [Fact]
    public async Task WebhookTokenIsEncryptedAtRest()
    {
        await RunAsync("config", "import", await WriteAsync(Valid));

        var stored = await DatabaseFiles.ReadAllAsync(Path.Combine(settings.Folder, "relay.db"));

        Assert.False(DatabaseFiles.Holds(stored, "tok_en-abcdefghijklmnopqrstuvwxyz0123456789"), "token in clear");
        Assert.True(DatabaseFiles.Holds(stored, "930000000000000001"), "the webhook id should be readable");
    }

    [Fact]
    public async Task ImportReplacesOnlyTheGuildsInTheFile()
    {
        await RunAsync("config", "import", await WriteAsync(Valid));
        var otherGuild = """
            { "version": 1, "guilds": [ { "guildId": "900000000000000002", "broadcasterId": "42",
              "alerts": [ { "event": "cheer", "channelId": "910000000000000009" } ] } ] }
            """;
        var replacement = """
            { "version": 1, "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147",
              "alerts": [ { "event": "ban", "channelId": "910000000000000001" } ] } ] }
            """;

        await RunAsync("config", "import", await WriteAsync(otherGuild));
        var (exit, output, _) = await RunAsync("config", "import", await WriteAsync(replacement));

        Assert.Equal(0, exit);
        Assert.Contains("1 guild(s) and 1 alert rule(s)", output, StringComparison.Ordinal);
        Assert.Equal(["ban", "cheer"], await RuleKeysAsync());
    }

    [Fact]
    public async Task WrongProviderStopsWithTheSettingsName()
    {
        settings.With("Storage:Provider", "mysql");

        var (exit, _, error) = await RunAsync("config", "export");

        Assert.Equal(2, exit);
        Assert.Contains("Storage:Provider", error, StringComparison.Ordinal);
    }

    private static string Valid => $$"""
        { "version": 1,
          "guilds": [ { "guildId": "900000000000000001", "broadcasterId": "583920147",
                        "alerts": [ { "event": "follow", "channelId": "910000000000000001", "enabled": false },
                                    { "event": "raid", "webhookUrl": "{{Webhook}}" },
                                    { "event": "stream.online", "channelId": "910000000000000001",
                                      "mentionRoleIds": ["920000000000000001"],
                                      "template": "{broadcaster} is live" } ] } ] }
        """;

    private async Task<string> WriteAsync(string json)
    {
        var path = Path.Combine(settings.Folder, $"{Guid.NewGuid():N}.json");
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

    private async Task<List<string>> RuleKeysAsync()
    {
        using var host = RelayHost.BuildTool(settings.Build());
        await using var db = host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
        return await db.AlertRules.OrderBy(x => x.EventKey).Select(x => x.EventKey).ToListAsync();
    }
}
