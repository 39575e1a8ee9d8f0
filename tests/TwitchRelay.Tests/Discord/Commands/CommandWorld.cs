using System.Text.Json.Nodes;
using TwitchRelay.Cli;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Discord.Commands;

/// <summary>The real service with its gateway session on the fake gateway and its REST calls on the fake Discord;
/// a test dispatches an interaction over the gateway and reads the answer from the fake Discord.</summary>
internal sealed class CommandWorld : IAsyncDisposable
{
    public const string GuildId = "900000000000000001";
    public const string BroadcasterId = "583920147";
    public const string AlertsChannel = "910000000000000001";
    public const string AdminUser = "600000000000000001";
    public const string Member = "600000000000000002";
    public const string LiveRole = "920000000000000001";

    /// <summary>Manage Server (1 &lt;&lt; 5) plus the usual channel bits.</summary>
    public const ulong AdminPermissions = (1UL << 5) | (1UL << 10) | (1UL << 11);

    /// <summary>View Channel and Send Messages only.</summary>
    public const ulong MemberPermissions = (1UL << 10) | (1UL << 11);

    public const string TwitchClientId = "relayclientid0000000000000000";
    public const string TwitchClientSecret = "relay-client-secret-0000000000";

    private CommandWorld(FakeDiscord discord, FakeDiscordGateway gateway, TestSettings settings, FakeTwitch? twitch)
    {
        Discord = discord;
        Gateway = gateway;
        Settings = settings;
        Twitch = twitch;
    }

    /// <summary>Set when the world was started with Twitch credentials.</summary>
    public FakeTwitch? Twitch { get; }

    public FakeDiscord Discord { get; }

    public FakeDiscordGateway Gateway { get; }

    public TestSettings Settings { get; }

    public RelayTestHost Host { get; private set; } = null!;

    public static async Task<CommandWorld> StartAsync(
        Action<TestSettings>? configure = null,
        Action<IServiceCollection>? services = null,
        string? rulesJson = null,
        bool withTwitch = false)
    {
        var discord = await FakeDiscord.StartAsync(new FakeDiscordOptions { BotToken = TestSecrets.BotToken });
        discord.AddChannel(AlertsChannel);
        discord.AddGuild(GuildId, AdminUser);
        var gateway = await FakeDiscordGateway.StartAsync();
        gateway.Options.BotToken = TestSecrets.BotToken;
        gateway.Options.ApplicationId = discord.ApplicationId;
        gateway.Options.Guilds.Add((GuildId, "Test server"));
        var settings = new TestSettings(discord.ApiBaseUrl).With("Discord:GatewayUrl", gateway.GatewayUrl);
        FakeTwitch? twitch = null;
        if (withTwitch)
        {
            twitch = await FakeTwitch.StartAsync(TwitchClientId, TwitchClientSecret);
            settings.With("Twitch:ClientId", TwitchClientId)
                .With("Twitch:ClientSecret", TwitchClientSecret)
                .With("Twitch:ApiBaseUrl", twitch.ApiBaseUrl)
                .With("Twitch:AuthBaseUrl", twitch.AuthBaseUrl);
        }

        configure?.Invoke(settings);
        var world = new CommandWorld(discord, gateway, settings, twitch);
        if (rulesJson is not null)
        {
            await world.ImportAsync(rulesJson);
        }

        world.Host = await RelayTestHost.StartAsync(settings, configure: services);
        await gateway.WaitUntilAsync(() => gateway.ClientSent(2).Count == 1
            && gateway.Records.Any(r => r.Type == "READY"));
        return world;
    }

    public static string Rules(params string[] eventKeys)
    {
        var alerts = eventKeys.Select(key =>
            $$"""{ "event": "{{key}}", "channelId": "{{AlertsChannel}}", "mentionRoleIds": ["{{LiveRole}}"] }""");
        return $$"""
            { "version": 1,
              "guilds": [ { "guildId": "{{GuildId}}", "broadcasterId": "{{BroadcasterId}}",
                            "alerts": [ {{string.Join(",\n", alerts)}} ] } ] }
            """;
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

    /// <summary>Dispatches <c>/twitch SUBCOMMAND</c> over the gateway and waits until the member sees an answer.
    /// </summary>
    public async Task<FakeInteraction> RunAsync(
        string subcommand,
        ulong permissions = AdminPermissions,
        string userId = AdminUser,
        IReadOnlyDictionary<string, string>? options = null)
    {
        var data = Discord.NewCommandInteraction(GuildId, userId, permissions, subcommand, options);
        var id = data["id"]!.GetValue<string>();
        await Gateway.DispatchAsync("INTERACTION_CREATE", data);
        await Discord.WaitUntilAsync(d => d.Interaction(id) is { Content: not null });
        return Discord.Interaction(id)!;
    }

    public async Task<FakeInteraction> AutocompleteAsync(string typed)
    {
        var data = Discord.NewCommandInteraction(
            GuildId, AdminUser, AdminPermissions, "test", new Dictionary<string, string> { ["event"] = typed },
            type: 4, focused: "event");
        var id = data["id"]!.GetValue<string>();
        await Gateway.DispatchAsync("INTERACTION_CREATE", data);
        await Discord.WaitUntilAsync(d => d.Interaction(id) is { CallbackType: not null });
        return Discord.Interaction(id)!;
    }

    public static JsonObject AllowedMentions(JsonObject shown) => (JsonObject)shown["allowed_mentions"]!;

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        await Discord.DisposeAsync();
        if (Twitch is not null)
        {
            await Twitch.DisposeAsync();
        }

        Settings.Dispose();
    }
}
