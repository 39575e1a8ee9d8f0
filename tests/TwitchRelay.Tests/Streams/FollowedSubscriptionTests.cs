using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Streams;

/// <summary>A followed channel's events are subscribed on the linked account's WebSocket session and become go-live
/// posts: the fake Twitch applies its own rules (token, session, cost) to those subscriptions.</summary>
public class FollowedSubscriptionTests
{
    private const string FriendId = "771234001";

    [Fact]
    public async Task FollowedChannelIsSubscribedOnTheLinkedAccountsSessionAndItsGoLiveIsPosted()
    {
        await using var world = await TwitchWorld.StartAsync();
        world.Twitch.AddUser(FriendId, "night_owl", "Night_Owl");
        var file = Path.Combine(world.Settings.Folder, "rules.json");
        await File.WriteAllTextAsync(file, $$"""
            { "version": 1, "guilds": [ { "guildId": "{{TwitchWorld.GuildId}}",
              "broadcasterId": "{{TwitchWorld.StreamerId}}", "follow": [ { "login": "night_owl" } ],
              "alerts": [ { "event": "stream.online", "channelId": "{{TwitchWorld.AlertsChannel}}" } ] } ] }
            """, TestContext.Current.CancellationToken);
        var (exit, _, error) = await world.CliAsync("config", "import", file);
        Assert.True(exit == 0, error);

        await world.LinkInBrowserAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Count(x => x.Status == "enabled") == 4, TimeSpan.FromSeconds(30));
        var session = world.WebSocket.Sessions.Single(x => x.IsOpen);
        await world.WebSocket.SendNotificationAsync(
            session.Id,
            "stream.online",
            "1",
            StreamBodies.Online("5001", DateTimeOffset.UtcNow, FriendId, "night_owl", "Night_Owl"));
        await world.Discord.WaitForMessagesAsync(1);

        var followed = world.Twitch.Subscriptions
            .Where(x => x.Status == "enabled" && x.Condition["broadcaster_user_id"] == FriendId)
            .ToList();
        Assert.Equal(["channel.update", "stream.offline", "stream.online"], followed.Select(x => x.Type).Order());
        Assert.All(followed, x => Assert.Equal(session.Id, x.SessionId));
        Assert.Contains("?stream=5001", Assert.Single(world.Discord.MessagesIn(TwitchWorld.AlertsChannel)).EmbedsJson,
            StringComparison.Ordinal);
    }
}
