using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Discord;

namespace TwitchRelay.Tests.Discord;

/// <summary>The global limit of 50 requests/s per bot does not hold back interaction answers, which Discord does not
/// count against it: a slash command is answered in time during an alert burst.</summary>
public sealed class DiscordRateLimiterTests
{
    [Fact]
    public async Task InteractionAnswerIsNotHeldBackByAFullGlobalWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var limiter = new DiscordRateLimiter(
            time, new DiscordRestTuning { GlobalRequestsPerSecond = 2 }, NullLogger<DiscordRateLimiter>.Instance);
        var ct = TestContext.Current.CancellationToken;
        await limiter.AcquireAsync(Post("100000000000000001"), ct);
        await limiter.AcquireAsync(Post("100000000000000002"), ct);

        var thirdPost = limiter.AcquireAsync(Post("100000000000000003"), ct);
        var answer = limiter.AcquireAsync(Post("100000000000000004") with { CountsTowardGlobalLimit = false }, ct);

        Assert.True(answer.IsCompletedSuccessfully, "the interaction answer waited for the global window");
        Assert.False(thirdPost.IsCompleted, "a third bot call within the second was let through");
        time.Advance(TimeSpan.FromSeconds(1));
        await thirdPost;
    }

    private static DiscordRoute Post(string channelId) => new(
        HttpMethod.Post, DiscordRoute.ChannelMessages, $"/channels/{channelId}/messages", channelId, true);
}
