using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Delivery;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

public class RetentionTests
{
    [Fact]
    public async Task OldHandledNotificationsGoButOnesStillOwedStay()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(Pipeline.ChannelAlert("follow")));
        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"), "old-delivered");
        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"), "old-still-owed");
        await AlertPipelineTests.WaitForDeliveriesAsync(pipeline, done: 2);
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        await using (var db = contexts.CreateDbContext())
        {
            // As if Discord had been failing for this one: still owed, next try in the future.
            await db.Deliveries
                .Where(x => x.Inbox!.MessageId == "old-still-owed")
                .ExecuteUpdateAsync(
                    x => x.SetProperty(d => d.Status, DeliveryStatus.Pending)
                        .SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddDays(30)),
                    TestContext.Current.CancellationToken);
        }

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow + RetentionService.Keep + TimeSpan.FromHours(1));
        var retention = ActivatorUtilities.CreateInstance<RetentionService>(pipeline.Host.Services, later);
        var removed = await retention.PruneAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, removed);
        await using var check = contexts.CreateDbContext();
        var left = await check.Inbox.Select(x => x.MessageId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["old-still-owed"], left);
        Assert.Single(await check.Deliveries.ToListAsync(TestContext.Current.CancellationToken));
    }
}
