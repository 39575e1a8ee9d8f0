using System.Text.Json.Nodes;
using TwitchRelay.Discord;

namespace TwitchRelay.Tests.Discord;

public sealed class DiscordRestClientRetryTests
{
    private const string Hello = """{"content":"Live now!","allowed_mentions":{"parse":[]}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerErrorsTwiceThenSuccessDeliversOnceWithTheSameNonce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.FailNext(DiscordTestHost.ChannelId, count: 2, status: 500);

        var result = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-7", Ct));

        Assert.Equal([500, 500, 200], host.Fake.Requests.Select(r => r.Status));
        Assert.All(host.Fake.Requests, r => Assert.Equal("alert-7", (string?)JsonNode.Parse(r.Body)!["nonce"]));
        var message = Assert.Single(host.Fake.MessagesIn(DiscordTestHost.ChannelId));
        Assert.Equal(new DiscordDelivered(message.Id), result);
    }

    [Fact]
    public async Task ServerErrorsBeyondTheRetriesAreHandedBackAsRetryLater()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.FailNext(DiscordTestHost.ChannelId, count: 10, status: 503);

        var result = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-7", Ct));

        var retry = Assert.IsType<DiscordRetryLater>(result);
        Assert.Equal(TimeSpan.Zero, retry.After); // no hint: the outbox back-off decides
        Assert.Contains("503", retry.Reason, StringComparison.Ordinal);
        Assert.Equal(4, host.Fake.Requests.Count);
        Assert.Empty(host.Fake.Messages);
    }

    [Fact]
    public async Task TransientRetriesWaitOnTheClockBetweenAttempts()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.FailNext(DiscordTestHost.ChannelId, count: 3, status: 502);

        await host.DriveAsync(host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-7", Ct));

        // Back-off is exponential with jitter, so only "some wait before each retry" is certain.
        var times = host.Fake.Requests.Select(r => r.Time).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(3, gaps.Count);
        Assert.All(gaps, gap => Assert.True(gap > TimeSpan.Zero, $"gap {gap}"));
        Assert.Equal([502, 502, 502, 200], host.Fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task ATimeoutIsRetriedAndTheMessageIsPostedOnce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.DelayNext(DiscordTestHost.ChannelId, TimeSpan.FromHours(1));

        var result = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-8", Ct));

        Assert.Equal([499, 200], host.Fake.Requests.Select(r => r.Status));
        Assert.True(host.Fake.Requests[1].Time - host.Fake.Requests[0].Time >= TimeSpan.FromSeconds(15));
        var message = Assert.Single(host.Fake.MessagesIn(DiscordTestHost.ChannelId));
        Assert.Equal(new DiscordDelivered(message.Id), result);
    }

    [Fact]
    public async Task TimeoutsBeyondTheRetriesAreHandedBackAsRetryLater()
    {
        // Every attempt hangs, so a short attempt timeout cannot fire early on a real answer here.
        var tuning = new DiscordRestTuning { AttemptTimeout = TimeSpan.FromSeconds(2) };
        await using var host = await DiscordTestHost.StartAsync(tuning: tuning);
        host.Fake.DelayNext(DiscordTestHost.ChannelId, TimeSpan.FromHours(1), count: 10);

        var result = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-8", Ct));

        var retry = Assert.IsType<DiscordRetryLater>(result);
        Assert.Contains("could not be reached", retry.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, retry.After);
        Assert.Equal(4, host.Fake.Requests.Count);

        // The fake marks a request 499 when it notices the abort, which may come just after the client moved on.
        await host.Fake.WaitUntilAsync(d => d.Requests.All(r => r.Status != 0));
        Assert.All(host.Fake.Requests, r => Assert.Equal(499, r.Status));
        Assert.Empty(host.Fake.Messages);
    }

    [Fact]
    public async Task A429IsWaitedOutForRetryAfterThenSucceeds()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.RateLimitNext(DiscordTestHost.ChannelId, TimeSpan.FromSeconds(1.5));

        var result = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-9", Ct));

        Assert.IsType<DiscordDelivered>(result);
        Assert.Equal([429, 200], host.Fake.Requests.Select(r => r.Status));
        Assert.True(host.Fake.Requests[1].Time - host.Fake.Requests[0].Time >= TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, host.Client.Stats.RateLimited);
    }

    [Fact]
    public async Task ALong429IsHandedBackAsRetryLaterWithoutWaiting()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.RateLimitNext(DiscordTestHost.ChannelId, TimeSpan.FromSeconds(120));

        var result = await host.Client
            .CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-9", Ct)
            .WaitAsync(TimeSpan.FromSeconds(10), Ct);

        var retry = Assert.IsType<DiscordRetryLater>(result);
        Assert.Equal(TimeSpan.FromSeconds(120), retry.After);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task AGlobal429PausesCallsToOtherChannels()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.RateLimitNext(DiscordTestHost.ChannelId, TimeSpan.FromSeconds(2), global: true);
        var first = host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "a-1", Ct);
        await host.WaitForLogAsync(2001);
        var limitedAt = host.Fake.Requests[0].Time;

        var other = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.OtherChannel, Hello, "b-1", Ct));
        await host.DriveAsync(first);

        Assert.IsType<DiscordDelivered>(other);
        var otherRequest = Assert.Single(host.Fake.Requests, r => r.Path.Contains(DiscordTestHost.OtherChannelId));
        var waited = otherRequest.Time - limitedAt;
        Assert.True(waited >= TimeSpan.FromSeconds(2), $"sent after {waited}");
        Assert.Equal(2, host.Fake.Messages.Count);
    }

    [Fact]
    public async Task AnExhaustedBucketDelaysTheNextCallInsteadOfCausingA429()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.SetBucketLimit(DiscordTestHost.ChannelId, 2, TimeSpan.FromSeconds(2));

        for (var i = 0; i < 3; i++)
        {
            var result = await host.DriveAsync(
                host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, $"n-{i}", Ct));
            Assert.IsType<DiscordDelivered>(result);
        }

        Assert.Equal([200, 200, 200], host.Fake.Requests.Select(r => r.Status));
        Assert.True(host.Fake.Requests[2].Time - host.Fake.Requests[0].Time >= TimeSpan.FromSeconds(2));
        Assert.Equal(0, host.Client.Stats.RateLimited);
    }

    [Fact]
    public async Task BucketsOfDifferentChannelsDoNotSlowEachOther()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.SetBucketLimit(DiscordTestHost.ChannelId, 1, TimeSpan.FromSeconds(60));
        host.Fake.SetBucketLimit(DiscordTestHost.OtherChannelId, 1, TimeSpan.FromSeconds(60));
        var start = host.Time.GetUtcNow();

        // No clock driving: if the second channel waited on the first channel's bucket this would time out.
        var a = await host.Client
            .CreateMessageAsync(DiscordTestHost.Channel, Hello, "a", Ct)
            .WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var b = await host.Client
            .CreateMessageAsync(DiscordTestHost.OtherChannel, Hello, "b", Ct)
            .WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.IsType<DiscordDelivered>(a);
        Assert.IsType<DiscordDelivered>(b);
        Assert.Equal(start, host.Time.GetUtcNow());
        Assert.Equal([200, 200], host.Fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task RepeatedShort429sAreHandedBackAfterTheRetryCap()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.RateLimitNext(DiscordTestHost.ChannelId, TimeSpan.FromSeconds(1), count: 10);

        var result = await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct));

        var retry = Assert.IsType<DiscordRetryLater>(result);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.After);
        Assert.Equal(4, host.Fake.Requests.Count);
        Assert.Equal(4, host.Client.Stats.RateLimited);
        Assert.Empty(host.Fake.Messages);
    }

    [Fact]
    public async Task TheGlobalLimitSpreadsCallsOverSecondsAcrossChannels()
    {
        var tuning = new DiscordRestTuning { GlobalRequestsPerSecond = 2 };
        await using var host = await DiscordTestHost.StartAsync(tuning: tuning);
        var start = host.Time.GetUtcNow();

        var results = new List<DiscordResult>();
        foreach (var target in new[] { DiscordTestHost.Channel, DiscordTestHost.OtherChannel, DiscordTestHost.Channel })
        {
            results.Add(await host.DriveAsync(host.Client.CreateMessageAsync(target, Hello, $"g-{results.Count}", Ct)));
        }

        Assert.All(results, r => Assert.IsType<DiscordDelivered>(r));
        Assert.True(host.Fake.Requests[1].Time - start < TimeSpan.FromSeconds(1));
        Assert.True(host.Fake.Requests[2].Time - start >= TimeSpan.FromSeconds(1));
        Assert.Equal([200, 200, 200], host.Fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task ConcurrentCallsOnANewRouteStayWithinTheBucketWithoutA429()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.SetBucketLimit(DiscordTestHost.ChannelId, 2, TimeSpan.FromSeconds(2));

        var calls = Enumerable.Range(0, 5)
            .Select(i => host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, $"c-{i}", Ct))
            .ToList();
        var results = await host.DriveAsync(Task.WhenAll(calls));

        Assert.All(results, r => Assert.IsType<DiscordDelivered>(r));
        Assert.Equal(5, host.Fake.MessagesIn(DiscordTestHost.ChannelId).Count);
        // Without the probe, the four calls behind the first would all go out blind and collect 429s. A request
        // already on its way when a window closes can still meet one 429 (the driven clock moves while it travels),
        // which the client then waits out: at most one, never a storm.
        Assert.InRange(host.Fake.Requests.Count(r => r.Status == 429), 0, 1);
        Assert.Equal(5, host.Fake.Requests.Count(r => r.Status == 200));
    }
}
