using System.Net;
using TwitchRelay.Tests.EndToEnd;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The activity page tells a delivery that is waiting to retry from one that failed, with Discord's answer.
/// </summary>
public sealed class ActivityPageTests
{
    [Fact]
    public async Task DeliveryDiscordKeepsAnswering503IsShownWaitingToRetryWithTheReason()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        await world.World.LinkInBrowserAsync();
        await world.World.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Type == "channel.follow" && x.Status == "enabled"),
            TimeSpan.FromSeconds(30));
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        // Discord is down for this channel: every try (and the client's own quick retries) gets a 503.
        world.Discord.FailNext(TwitchWorld.AlertsChannel, count: 1000, status: 503);
        var session = world.World.WebSocket.Sessions.Single(x => x.IsOpen);
        await world.World.WebSocket.SendNotificationAsync(
            session.Id, "channel.follow", "2", SamplePayloads.Read("channel.follow.json"));
        var page = await Eventually.UntilAsync(
            async () => WebUtility.HtmlDecode(await ada.GetPageAsync($"/guilds/{TwitchWorld.GuildId}/activity")),
            html => html.Contains("Waiting to retry", StringComparison.Ordinal));

        Assert.Matches(@"Waiting to retry \(attempt 2 at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\): [^<]*503", page);
        Assert.DoesNotContain("Resend", page, StringComparison.Ordinal);
    }
}
