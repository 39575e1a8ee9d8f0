using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Cli;
using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.Subscriptions;
using static TwitchRelay.Tests.Streams.StreamPostTests;

namespace TwitchRelay.Tests.Streams;

/// <summary>Other channels a guild follows for go-live posts: added by login, checked with Get Users on the fake
/// Twitch, posted by the guild's stream.online rules.</summary>
public class FollowedChannelTests
{
    private const string FriendId = "771234001";
    private const string FriendLogin = "night_owl";
    private const string FriendMember = "940000000000000001";

    [Fact]
    public async Task AFollowedChannelsGoLiveIsPostedByTheGuildsStreamRule()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var twitch = await StreamHelixTests.StartTwitchAsync(time);
        twitch.AddUser(FriendId, FriendLogin, "Night_Owl");
        twitch.SetChannel(FriendId, "Late night chill", "Minecraft");
        await using var pipeline = await Pipeline.StartAsync(
            Rules(LiveAlert(), Follow("Night_Owl")),
            time: time,
            configure: settings => StreamHelixTests.WithTwitch(settings, twitch));

        await pipeline.SendAsync(StreamBodies.Online("5001", time.GetUtcNow(), FriendId, FriendLogin, "Night_Owl"));
        await SettledAsync(pipeline, inbox: 1);
        time.Advance(TimeSpan.FromMinutes(40));
        await pipeline.SendAsync(StreamBodies.Offline(FriendId, FriendLogin, "Night_Owl"));
        await SettledAsync(pipeline, inbox: 2);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("Late night chill", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Contains("Night\\_Owl was live for 40 minutes", message.Content, StringComparison.Ordinal);
        var post = pipeline.Discord.Requests.First(x => x.Method == "POST");
        Assert.Contains("live_user_night_owl-1280x720.jpg?stream=5001", post.Body, StringComparison.Ordinal);
        Assert.Contains($"\"roles\":[\"{Pipeline.LiveRole}\"]", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowingALoginTwitchDoesNotKnowIsRefusedWithItsPathAndChangesNothing()
    {
        await using var twitch = await StreamHelixTests.StartTwitchAsync(TimeProvider.System);
        twitch.AddUser(FriendId, FriendLogin, "Night_Owl");
        using var settings = new TestSettings();
        StreamHelixTests.WithTwitch(settings, twitch);

        var (okExit, _) = await ImportAsync(settings, Rules(LiveAlert(), Follow(FriendLogin)));
        var (badExit, error) = await ImportAsync(
            settings,
            Rules(LiveAlert(), Follow(FriendLogin), Follow("nobody_here")));
        var exported = await ExportAsync(settings);

        Assert.Equal((0, 1), (okExit, badExit));
        Assert.Contains("guilds[0].follow[1].login: no Twitch channel is called \"nobody_here\"", error,
            StringComparison.Ordinal);
        Assert.Contains($"\"login\": \"{FriendLogin}\"", exported, StringComparison.Ordinal);
        Assert.Contains($"\"discordUserId\": \"{FriendMember}\"", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody_here", exported, StringComparison.Ordinal);
        Assert.Contains(twitch.Requests, x => x.Path == "/helix/users" && x.Query.Contains("login=nobody_here",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowingWithoutTwitchCredentialsSaysWhatIsMissing()
    {
        using var settings = new TestSettings();

        var (exit, error) = await ImportAsync(settings, Rules(LiveAlert(), Follow(FriendLogin)));

        Assert.Equal(1, exit);
        Assert.Contains("guilds[0].follow[0].login: following a channel needs Twitch:ClientId", error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverWebSocketAFourthFollowedChannelOfOneAccountIsRefusedEvenAcrossTwoGuilds()
    {
        // Arrange: three channels in the first guild are the most one token's max_total_cost of 10 allows.
        await using var twitch = await StreamHelixTests.StartTwitchAsync(TimeProvider.System);
        var logins = AddFourChannels(twitch);

        using var settings = new TestSettings();
        StreamHelixTests.WithTwitch(settings, twitch);
        var (firstExit, _) = await ImportAsync(settings, Rules(LiveAlert(), [.. logins[..3].Select(Follow)]));

        // Act: a second guild of the same account asks for a fourth.
        var (secondExit, error) = await ImportAsync(settings, SecondGuildRules(Follow(logins[3])));
        var (sameThreeExit, _) = await ImportAsync(settings, SecondGuildRules(Follow(logins[0])));
        var exported = await ExportAsync(settings);

        // Assert
        Assert.Equal((0, 1, 0), (firstExit, secondExit, sameThreeExit));
        Assert.Contains("guilds[0].follow: a linked account follows at most 3 channels over EventSub WebSocket", error,
            StringComparison.Ordinal);
        Assert.Contains("this makes 4", error, StringComparison.Ordinal);
        Assert.DoesNotContain("owl_four", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatAddsNoChannelIsNotRefusedWhenTheAccountIsAlreadyOverTheLimit()
    {
        // Arrange: four follows stored under the webhook transport, then the service moved to WebSocket.
        await using var twitch = await StreamHelixTests.StartTwitchAsync(TimeProvider.System);
        var logins = AddFourChannels(twitch);

        using var webhook = new TestSettings();
        StreamHelixTests.WithTwitch(webhook, twitch);
        webhook.With("EventSub:Transport", "webhook").With("PublicUrl", "https://relay.example.com");
        var (storedExit, _) = await ImportAsync(webhook, Rules(LiveAlert(), [.. logins.Select(Follow)]));
        var websocket = webhook.With("EventSub:Transport", "websocket");

        // Act: the same guild again, and a second guild of the account that follows nothing new.
        var (sameExit, sameError) = await ImportAsync(websocket, Rules(LiveAlert(), [.. logins.Select(Follow)]));
        var (otherExit, otherError) = await ImportAsync(websocket, SecondGuildRules(Follow(logins[0])));
        var (noFollowExit, noFollowError) = await ImportAsync(websocket, SecondGuildRules(null));

        // Assert
        Assert.Equal(0, storedExit);
        Assert.True(sameExit == 0, sameError);
        Assert.True(otherExit == 0, otherError);
        Assert.True(noFollowExit == 0, noFollowError);
    }

    [Fact]
    public async Task AFollowedChannelWhoseAccountIsLinkedHereCostsNothing()
    {
        // Arrange: three paying follows; the fourth channel has linked its own account, so it has authorized us.
        await using var twitch = await StreamHelixTests.StartTwitchAsync(TimeProvider.System);
        var logins = AddFourChannels(twitch);

        using var settings = new TestSettings();
        StreamHelixTests.WithTwitch(settings, twitch);
        await ImportAsync(settings, Rules(LiveAlert(), [.. logins[..3].Select(Follow)]));
        using (var tool = TwitchRelay.Hosting.RelayHost.BuildTool(settings.Build()))
        {
            await using var db = tool.Services
                .GetRequiredService<IDbContextFactory<TwitchRelay.Storage.RelayDbContext>>().CreateDbContext();
            db.TwitchAccounts.Add(new TwitchRelay.Storage.Entities.TwitchAccount
            {
                UserId = "771234103",
                Login = "owl_four",
                DisplayName = "owl_four",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Act
        var (exit, error) = await ImportAsync(settings, SecondGuildRules(Follow(logins[3])));

        // Assert
        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task OverWebhooksTheWebSocketFollowLimitDoesNotApply()
    {
        await using var twitch = await StreamHelixTests.StartTwitchAsync(TimeProvider.System);
        var logins = AddFourChannels(twitch);

        using var settings = new TestSettings();
        StreamHelixTests.WithTwitch(settings, twitch);
        settings.With("EventSub:Transport", "webhook").With("PublicUrl", "https://relay.example.com");

        var (exit, error) = await ImportAsync(settings, Rules(LiveAlert(), [.. logins.Select(Follow)]));

        Assert.True(exit == 0, error);
        Assert.Contains("owl_four", await ExportAsync(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void FollowedChannelsGetTheThreeStreamSubscriptionsWithTheirOwnCondition()
    {
        var desired = DesiredSubscriptions.ForFollowed([FriendId, FriendId]);

        Assert.Equal(
            ["channel.update v2", "stream.offline v1", "stream.online v1"],
            desired.Select(x => $"{x.Type} v{x.Version}").Order());
        Assert.All(desired, x => Assert.Equal(FriendId, x.Condition["broadcaster_user_id"]));
    }

    /// <summary>Four Twitch channels (ids 771234100 to 771234103) for the WebSocket follow limit of three.</summary>
    private static string[] AddFourChannels(FakeTwitch twitch)
    {
        string[] logins = ["owl_one", "owl_two", "owl_three", "owl_four"];
        for (var i = 0; i < logins.Length; i++)
        {
            twitch.AddUser($"77123410{i}", logins[i], logins[i]);
        }

        return logins;
    }

    private static string Follow(string login) =>
        $$"""{ "login": "{{login}}", "discordUserId": "{{FriendMember}}" }""";

    private static string Rules(string alert, params string[] follows) =>
        $$"""
        { "version": 1,
          "guilds": [ { "guildId": "{{Pipeline.GuildId}}", "broadcasterId": "{{Pipeline.BroadcasterId}}",
                        "follow": [ {{string.Join(", ", follows)}} ],
                        "alerts": [ {{alert}} ] } ] }
        """;

    private static string SecondGuildRules(string? follow) =>
        $$"""
        { "version": 1,
          "guilds": [ { "guildId": "123456789012345999", "broadcasterId": "{{Pipeline.BroadcasterId}}",
                        "follow": [ {{follow}} ], "alerts": [] } ] }
        """;

    private static async Task<(int Exit, string Error)> ImportAsync(TestSettings settings, string json)
    {
        var file = Path.Combine(settings.Folder, $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(["config", "import", file], settings.Build(), output, error);
        return (exit, error.ToString());
    }

    private static async Task<string> ExportAsync(TestSettings settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await RelayCli.RunAsync(["config", "export"], settings.Build(), output, error);
        return output.ToString();
    }
}
