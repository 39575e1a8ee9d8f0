using TwitchRelay.Cli;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary>A fake Discord, the real service pointed at it, and alert rules imported through the real CLI verb.
/// </summary>
internal sealed class Pipeline : IAsyncDisposable
{
    public const string GuildId = "900000000000000001";
    public const string BroadcasterId = "583920147";
    public const string AlertsChannel = "910000000000000001";
    public const string PollsChannel = "910000000000000002";
    public const string LiveRole = "920000000000000001";
    public const string WebhookId = "930000000000000001";
    public const string WebhookToken = "webhook-token-abcdefghijklmnopqrstuvwxyz0123456789";

    private Pipeline(FakeDiscord discord, TestSettings settings, TimeProvider? time)
    {
        Discord = discord;
        Settings = settings;
        Time = time;
    }

    /// <summary>The clock shared by the service and the fake Discord, when the test drives one.</summary>
    public TimeProvider? Time { get; }

    public FakeDiscord Discord { get; }

    public TestSettings Settings { get; }

    public RelayTestHost Host { get; private set; } = null!;

    public static async Task<Pipeline> StartAsync(
        string rulesJson,
        FakeDiscordOptions? discordOptions = null,
        string? postgresConnectionString = null,
        TimeProvider? time = null,
        Action<TestSettings>? configure = null)
    {
        var options = discordOptions ?? new FakeDiscordOptions();
        options.BotToken = TestSecrets.BotToken;
        if (time is not null)
        {
            options.TimeProvider = time;
        }

        var discord = await FakeDiscord.StartAsync(options);
        discord.AddChannel(AlertsChannel);
        discord.AddChannel(PollsChannel);
        discord.AddWebhook(WebhookId, WebhookToken, AlertsChannel);
        var settings = new TestSettings(discord.ApiBaseUrl);
        if (postgresConnectionString is not null)
        {
            settings.With("Storage:Provider", "postgres").With("Storage:ConnectionString", postgresConnectionString);
        }

        configure?.Invoke(settings);
        var pipeline = new Pipeline(discord, settings, time);
        await pipeline.ImportAsync(rulesJson);
        pipeline.Host = await RelayTestHost.StartAsync(pipeline.Settings, time);
        return pipeline;
    }

    public async Task ImportAsync(string rulesJson)
    {
        var file = Path.Combine(Settings.Folder, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, rulesJson);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(["config", "import", file], Settings.Build(), output, error);
        Assert.True(exit == 0, $"config import failed: {error}");
    }

    public async Task RestartAsync()
    {
        await Host.DisposeAsync();
        Host = await RelayTestHost.StartAsync(Settings, Time);
    }

    public async Task<HttpResponseMessage> SendAsync(string body, string? messageId = null)
    {
        using var request = TwitchSigner.Notification(body, messageId, Time?.GetUtcNow());
        return await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static string Rules(params string[] alerts) =>
        $$"""
        { "version": 1,
          "guilds": [ { "guildId": "{{GuildId}}", "broadcasterId": "{{BroadcasterId}}",
                        "alerts": [ {{string.Join(",\n", alerts)}} ] } ] }
        """;

    public static string ChannelAlert(string eventKey, string channel = AlertsChannel, string roles = "") =>
        $$"""{ "event": "{{eventKey}}", "channelId": "{{channel}}", "mentionRoleIds": [{{roles}}] }""";

    public static string WebhookAlert(string eventKey) =>
        $$"""{ "event": "{{eventKey}}", "webhookUrl": "{{WebhookUrl}}" }""";

    public static string WebhookUrl => $"https://discord.com/api/webhooks/{WebhookId}/{WebhookToken}";

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Discord.DisposeAsync();
        Settings.Dispose();
    }
}
