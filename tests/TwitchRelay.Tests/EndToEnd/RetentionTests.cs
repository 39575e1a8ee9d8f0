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

    [Fact]
    public async Task AppliedSubscriberEventsAndExpiredTicketsGoButGivenRolesAndLiveTicketsStay()
    {
        await using var pipeline = await Pipeline.StartAsync(Pipeline.Rules(Pipeline.ChannelAlert("follow")));
        var contexts = pipeline.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        var now = DateTimeOffset.UtcNow;
        var later = new FakeTimeProvider(now + RetentionService.Keep + TimeSpan.FromHours(1));
        await using (var db = contexts.CreateDbContext())
        {
            db.SubscriberEvents.Add(SubscriberEvent("1", processedAt: now));
            db.SubscriberEvents.Add(SubscriberEvent("2", processedAt: null));
            db.SubscriberRoleGrants.Add(new SubscriberRoleGrant
            {
                GuildId = "100000000000000001",
                DiscordUserId = "100000000000000009",
                RoleId = "100000000000000008",
                TwitchUserId = "1",
                GrantedAt = now,
            });
            db.LinkTickets.Add(new LinkTicket { TicketHash = "expired", GuildId = "1", ExpiresAt = now });
            db.LinkTickets.Add(new LinkTicket
            {
                TicketHash = "live",
                GuildId = "1",
                ExpiresAt = later.GetUtcNow() + TimeSpan.FromMinutes(5),
            });
            db.LinkRequests.Add(new LinkRequest
            {
                StateHash = "expired",
                GuildId = "1",
                BrowserBindingHash = "b",
                RedirectUri = "http://localhost/twitch/callback",
                ExpiresAt = now,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var retention = ActivatorUtilities.CreateInstance<RetentionService>(pipeline.Host.Services, later);
        await retention.PruneAsync(TestContext.Current.CancellationToken);

        await using var check = contexts.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(["2"], await check.SubscriberEvents.Select(x => x.TwitchUserId).ToListAsync(ct));
        Assert.Single(await check.SubscriberRoleGrants.ToListAsync(ct));
        Assert.Equal(["live"], await check.LinkTickets.Select(x => x.TicketHash).ToListAsync(ct));
        Assert.Empty(await check.LinkRequests.ToListAsync(ct));
    }

    private static SubscriberEvent SubscriberEvent(string userId, DateTimeOffset? processedAt) => new()
    {
        BroadcasterId = "583920147",
        TwitchUserId = userId,
        Tier = "1000",
        CreatedAt = DateTimeOffset.UtcNow,
        NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1),
        ProcessedAt = processedAt,
    };
}
