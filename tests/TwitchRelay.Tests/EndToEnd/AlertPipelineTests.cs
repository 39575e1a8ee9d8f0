using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary>Signed notifications in, the expected Discord requests out: real Kestrel, a real SQLite file, a fake
/// Discord on loopback.</summary>
public class AlertPipelineTests
{
    [Fact]
    public async Task FollowBecomesOneBotMessageThatPingsOnlyTheRulesRole()
    {
        await using var pipeline = await Pipeline.StartAsync(
            Pipeline.Rules(Pipeline.ChannelAlert("follow", roles: $"\"{Pipeline.LiveRole}\"")));

        using var response = await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"));
        await pipeline.Discord.WaitForMessagesAsync(1);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains($"<@&{Pipeline.LiveRole}>", message.Content, StringComparison.Ordinal);
        Assert.Contains("Pixel", message.EmbedsJson, StringComparison.Ordinal);
        var post = pipeline.Discord.Requests.Single(x => x.Method == "POST");
        Assert.Equal($"/api/v10/channels/{Pipeline.AlertsChannel}/messages", post.Path);
        using var body = JsonDocument.Parse(post.Body);
        var mentions = body.RootElement.GetProperty("allowed_mentions");
        Assert.Equal(0, mentions.GetProperty("parse").GetArrayLength());
        Assert.Equal([Pipeline.LiveRole], mentions.GetProperty("roles").EnumerateArray().Select(x => x.GetString()));
        Assert.True(body.RootElement.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task RaidToAWebhookGoesToTheConfiguredApiNotTheUrlsHost()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(Pipeline.WebhookAlert("raid")));

        await pipeline.SendAsync(SamplePayloads.Read("channel.raid.json"));
        await pipeline.Discord.WaitForMessagesAsync(1);

        var post = pipeline.Discord.Requests.Single(x => x.Method == "POST");
        Assert.Equal($"/api/v10/webhooks/{Pipeline.WebhookId}/{Pipeline.WebhookToken}", post.Path);
        Assert.Contains("wait=true", post.Query, StringComparison.Ordinal);
        Assert.Contains("with_components=true", post.Query, StringComparison.Ordinal);
        Assert.Contains("Visit", post.Body, StringComparison.Ordinal);
        Assert.Null(post.Header("Authorization"));
        Assert.DoesNotContain("nonce", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollIsOneMessageEditedThroughItsEnd()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(
            Pipeline.ChannelAlert("poll.begin", Pipeline.PollsChannel),
            Pipeline.ChannelAlert("poll.progress", Pipeline.PollsChannel),
            Pipeline.ChannelAlert("poll.end", Pipeline.PollsChannel)));

        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.begin.json"));
        await pipeline.Discord.WaitForMessagesAsync(1);
        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.progress.json"));
        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.end.json"));
        await WaitForDeliveriesAsync(pipeline, done: 3);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel));
        Assert.InRange(message.EditCount, 1, 2);
        Assert.Contains("Ashen King", message.EmbedsJson, StringComparison.Ordinal);
        Assert.Equal(1, pipeline.Discord.Requests.Count(x => x.Method == "POST"));
        Assert.All(
            pipeline.Discord.Requests.Where(x => x.Method == "PATCH"),
            x => Assert.Equal($"/api/v10/channels/{Pipeline.PollsChannel}/messages/{message.Id}", x.Path));
    }

    [Fact]
    public async Task ProgressArrivingAfterTheEndDoesNotOverwriteIt()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(
            Pipeline.ChannelAlert("poll.progress", Pipeline.PollsChannel),
            Pipeline.ChannelAlert("poll.end", Pipeline.PollsChannel)));

        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.end.json"));
        await pipeline.Discord.WaitForMessagesAsync(1);
        var endState = pipeline.Discord.MessagesIn(Pipeline.PollsChannel).Single().EmbedsJson;
        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.progress.json"));
        var deliveries = await WaitForDeliveriesAsync(pipeline, done: 2);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel));
        Assert.Equal(0, message.EditCount);
        Assert.Equal(endState, message.EmbedsJson);
        Assert.Contains(deliveries, x => x.Status == DeliveryStatus.Superseded && x.EventKey == "poll.progress");
    }

    [Fact]
    public async Task UnknownChannelFailsThatRuleOnlyAndSaysWhy()
    {
        const string deletedChannel = "910000000000000099";
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(
            Pipeline.ChannelAlert("follow", deletedChannel),
            Pipeline.ChannelAlert("follow")));

        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"));
        var deliveries = await WaitForDeliveriesAsync(pipeline, done: 2);

        Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        var failed = Assert.Single(deliveries, x => x.Status == DeliveryStatus.Failed);
        Assert.Equal("channel:" + deletedChannel, failed.LaneKey);
        Assert.Contains("10003", failed.LastError!, StringComparison.Ordinal);
        Assert.Single(deliveries, x => x.Status == DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedAndDeliveredOnce()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(Pipeline.ChannelAlert("follow")));
        pipeline.Discord.FailNext(Pipeline.AlertsChannel, count: 4, status: 503);

        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"));
        var deliveries = await WaitForDeliveriesAsync(pipeline, done: 1);

        var delivery = Assert.Single(deliveries);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        var posts = pipeline.Discord.Requests.Where(x => x.Method == "POST").ToList();
        Assert.Equal(5, posts.Count);
        Assert.Single(posts.Select(x => JsonDocument.Parse(x.Body).RootElement.GetProperty("nonce").GetString())
            .Distinct());
    }

    [Fact]
    public async Task CommunityGiftIsOneAlertNotOnePerRecipient()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(
            Pipeline.ChannelAlert("subscription.gift"),
            Pipeline.ChannelAlert("subscription.new")));
        var gift = SamplePayloads.Read("channel.subscription.gift.json");
        var recipient = SamplePayloads.Read("channel.subscribe.json")
            .Replace("\"is_gift\": false", "\"is_gift\": true", StringComparison.Ordinal);

        await pipeline.SendAsync(gift);
        for (var i = 0; i < 3; i++)
        {
            await pipeline.SendAsync(recipient);
        }

        await pipeline.Discord.WaitForMessagesAsync(1);
        await Eventually.UntilAsync(InboxProcessedAsync(pipeline), count => count == 4);

        var message = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        Assert.Contains("gift", message.EmbedsJson, StringComparison.OrdinalIgnoreCase);
    }

    private static Func<Task<int>> InboxProcessedAsync(Pipeline pipeline) => async () =>
    {
        await using var db = Contexts(pipeline).CreateDbContext();
        return await db.Inbox.CountAsync(x => x.ProcessedAt != null);
    };

    internal static async Task<List<AlertDelivery>> WaitForDeliveriesAsync(Pipeline pipeline, int done)
    {
        return await Eventually.UntilAsync(
            async () =>
            {
                await using var db = Contexts(pipeline).CreateDbContext();
                return await db.Deliveries.OrderBy(x => x.Id).ToListAsync();
            },
            rows => rows.Count(x => x.Status != DeliveryStatus.Pending) >= done);
    }

    private static IDbContextFactory<RelayDbContext> Contexts(Pipeline pipeline) =>
        pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
}
