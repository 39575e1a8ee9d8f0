using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary><c>EventSub:Transport=webhook</c>: subscriptions made with the app token, pointing at
/// <c>{PublicUrl}/twitch/eventsub</c> with our secret; Twitch's signed POSTs then come in through the intake.
/// </summary>
public class WebhookTransportTests
{
    [Fact]
    public async Task LinkCreatesWebhookSubscriptionsThatTheIntakeAccepts()
    {
        await using var world = await TwitchWorld.StartAsync(webhook: true);
        await world.ImportRulesAsync("follow");

        var status = await world.LinkThroughPublicUrlAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Type == "user.authorization.revoke"), TimeSpan.FromSeconds(30));
        var follow = world.Twitch.Subscriptions.Single(x => x.Type == "channel.follow");
        using var request = TwitchSigner.Notification(
            SamplePayloads.Read("channel.follow.json"), secret: follow.Secret!);
        using var response = await world.Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        await world.Discord.WaitForMessagesAsync(1);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("webhook", follow.TransportMethod);
        Assert.Equal(TwitchWorld.PublicUrl + "/twitch/eventsub", follow.Callback);
        Assert.Null(follow.OwnerUserId);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(world.Discord.MessagesIn(TwitchWorld.AlertsChannel));
        var revoke = world.Twitch.Subscriptions.Single(x => x.Type == "user.authorization.revoke");
        Assert.Equal(TwitchWorld.ClientId, revoke.Condition["client_id"]);
    }

    [Fact]
    public async Task AuthorizationRevokeNotificationBreaksTheLink()
    {
        await using var world = await TwitchWorld.StartAsync(webhook: true);
        await world.ImportRulesAsync("follow");
        await world.LinkThroughPublicUrlAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Type == "user.authorization.revoke"), TimeSpan.FromSeconds(30));
        var secret = world.Twitch.Subscriptions.Single(x => x.Type == "user.authorization.revoke").Secret!;

        using var request = TwitchSigner.Notification(
            SamplePayloads.Read("user.authorization.revoke.json"), secret: secret);
        using var response = await world.Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        await world.Discord.WaitForMessagesAsync(1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await using var db = world.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        var account = await db.TwitchAccounts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Contains("disconnected TwitchRelay", account.BrokenReason, StringComparison.Ordinal);
        Assert.Single(world.Discord.MessagesIn(TwitchWorld.AdminChannel));
    }

    [Fact]
    public async Task ReconcileRemovesStaleDuplicateOldAndUnwantedSubscriptions()
    {
        await using var world = await TwitchWorld.StartAsync(webhook: true);
        await world.ImportRulesAsync("follow");
        var broadcaster = new Dictionary<string, string> { ["broadcaster_user_id"] = TwitchWorld.StreamerId };
        var moderated = new Dictionary<string, string>(broadcaster) { ["moderator_user_id"] = TwitchWorld.StreamerId };
        var callback = TwitchWorld.PublicUrl + "/twitch/eventsub";
        var oldVersion = world.Twitch.AddSubscription("channel.follow", "1", broadcaster, callback: callback);
        var failed = world.Twitch.AddSubscription("channel.follow", "2", moderated, callback: callback,
            status: "notification_failures_exceeded");
        var unwanted = world.Twitch.AddSubscription("channel.raid", "1",
            new Dictionary<string, string> { ["to_broadcaster_user_id"] = TwitchWorld.StreamerId }, callback: callback);

        await world.LinkThroughPublicUrlAsync();
        await world.Twitch.WaitUntilAsync(
            t => t.Subscriptions.Any(x => x.Type == "user.authorization.revoke"), TimeSpan.FromSeconds(30));

        var left = world.Twitch.Subscriptions.Where(x => x.Type != "user.authorization.revoke").ToList();
        Assert.DoesNotContain(left, x => x.Id == oldVersion.Id || x.Id == failed.Id || x.Id == unwanted.Id);
        var follow = Assert.Single(left);
        // Pending until Twitch's challenge is answered, which the fake does not send.
        Assert.Equal(("channel.follow", "2", "webhook_callback_verification_pending"),
            (follow.Type, follow.Version, follow.Status));
        var reconciler = world.Host.Services
            .GetRequiredService<TwitchRelay.Twitch.Subscriptions.SubscriptionReconciler>();
        var again = await reconciler.ReconcileWebhookAsync(
            TwitchWorld.StreamerId, TestContext.Current.CancellationToken);
        Assert.Equal((0, 0), (again.Created, again.Deleted));
        Assert.Equal(follow.Id, world.Twitch.Subscriptions.Single(x => x.Type == "channel.follow").Id);
    }

    [Fact]
    public async Task WebhookTransportWithoutAnHttpsPublicUrlStopsStartUp()
    {
        using var settings = new TestSettings().With("EventSub:Transport", "webhook");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Cli.RelayCli.RunAsync(["serve"], settings.Build(), output, error);

        Assert.Equal(2, exit);
        Assert.Contains("PublicUrl must be an https URL when EventSub:Transport is 'webhook'", error.ToString(),
            StringComparison.Ordinal);
    }
}
