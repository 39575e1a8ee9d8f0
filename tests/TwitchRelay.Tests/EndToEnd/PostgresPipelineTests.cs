using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary>The same pipeline on a real PostgreSQL server: its migrations, the intake's batched
/// <c>ON CONFLICT … RETURNING</c> insert, and the outbox.</summary>
public class PostgresPipelineTests(PostgresServer postgres)
{
    [Fact]
    public async Task NotificationsBecomeMessagesOnPostgres()
    {
        await using var pipeline = await Pipeline.StartAsync(
            Pipeline.Rules(
                Pipeline.ChannelAlert("follow"),
                Pipeline.ChannelAlert("poll.begin", Pipeline.PollsChannel),
                Pipeline.ChannelAlert("poll.end", Pipeline.PollsChannel)),
            postgresConnectionString: await postgres.CreateDatabaseAsync());

        using var follow = await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"), "pg-follow");
        using var again = await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"), "pg-follow");
        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.begin.json"));
        await pipeline.Discord.WaitForMessagesAsync(2);
        await pipeline.SendAsync(SamplePayloads.Read("channel.poll.end.json"));
        var deliveries = await AlertPipelineTests.WaitForDeliveriesAsync(pipeline, done: 3);

        Assert.Equal(HttpStatusCode.NoContent, follow.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Single(pipeline.Discord.MessagesIn(Pipeline.AlertsChannel));
        var poll = Assert.Single(pipeline.Discord.MessagesIn(Pipeline.PollsChannel));
        Assert.Equal(1, poll.EditCount);
        Assert.All(deliveries, x => Assert.Equal(DeliveryStatus.Delivered, x.Status));
        await using var db = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Equal(3, await db.Inbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ConfigImportAndExportWorkOnPostgres()
    {
        await using var pipeline = await Pipeline.StartAsync(
            Pipeline.Rules(Pipeline.ChannelAlert("follow"), Pipeline.WebhookAlert("raid")),
            postgresConnectionString: await postgres.CreateDatabaseAsync());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await Cli.RelayCli.RunAsync(["config", "export"], pipeline.Settings.Build(), output, error);

        Assert.Equal(0, exit);
        var exported = Cli.Config.AlertConfigStore.Parse(output.ToString(), out var errors);
        Assert.Empty(errors);
        var alerts = exported.Guilds!.Single()!.Alerts!;
        Assert.Equal(["follow", "raid"], alerts.Select(x => x!.Event));
        Assert.Equal(Pipeline.WebhookUrl, alerts[1]!.WebhookUrl);
    }
}
