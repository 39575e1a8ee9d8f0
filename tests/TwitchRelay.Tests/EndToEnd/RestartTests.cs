using System.Text.Json;
using System.Text.Json.Nodes;
using TwitchRelay.Fakes.Discord;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

public class RestartTests
{
    private const int Burst = 120;

    /// <summary>Twitch resends whatever was not answered 2xx; the service restarts half-way through a burst.
    /// Every follow must reach Discord exactly once.</summary>
    [Fact]
    public async Task RestartInTheMiddleOfABurstLosesAndDuplicatesNothing()
    {
        // Discord is slow to accept (a tight bucket), so deliveries are still owed when the service stops.
        var discordOptions = new FakeDiscordOptions { BucketLimit = 20, BucketWindow = TimeSpan.FromSeconds(1) };
        await using var pipeline = await Pipeline.StartAsync(
            Pipeline.Rules(Pipeline.ChannelAlert("follow")),
            discordOptions);
        var follows = Enumerable.Range(0, Burst).Select(Follow).ToList();

        var accepted = 0;
        using var senders = new SemaphoreSlim(4);
        var burst = follows.Select(async body =>
        {
            await senders.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                await SendUntilAcceptedAsync(pipeline, body.Id, body.Json);
                Interlocked.Increment(ref accepted);
            }
            finally
            {
                senders.Release();
            }
        }).ToList();
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref accepted)), n => n >= Burst / 3);
        await pipeline.RestartAsync();
        await Task.WhenAll(burst);
        // Twitch may also resend some that were already accepted: they must not post twice.
        await Task.WhenAll(follows.Take(10).Select(body => SendUntilAcceptedAsync(pipeline, body.Id, body.Json)));
        await pipeline.Discord.WaitForMessagesAsync(Burst, TimeSpan.FromSeconds(60));
        await Task.Delay(500, TestContext.Current.CancellationToken);

        var messages = pipeline.Discord.MessagesIn(Pipeline.AlertsChannel);
        Assert.Equal(Burst, messages.Count);
        var users = messages.Select(x => UserIn(x.EmbedsJson)).ToList();
        Assert.Equal(Burst, users.Distinct().Count());
    }

    private static (string Id, string Json) Follow(int index)
    {
        var node = JsonNode.Parse(SamplePayloads.Read("channel.follow.json"))!;
        node["event"]!["user_id"] = $"70000{index:D4}";
        node["event"]!["user_login"] = $"follower_{index:D4}";
        node["event"]!["user_name"] = $"Follower{index:D4}";
        return ($"burst-{index}", node.ToJsonString());
    }

    private static string UserIn(string embedsJson)
    {
        var match = System.Text.RegularExpressions.Regex.Match(embedsJson, "Follower\\d{4}");
        Assert.True(match.Success, $"no follower name in {embedsJson}");
        return match.Value;
    }

    /// <summary>What Twitch does: send, and send again (same message id) until a 2xx comes back.</summary>
    private static async Task SendUntilAcceptedAsync(Pipeline pipeline, string messageId, string body)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var response = await pipeline.SendAsync(body, messageId);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or ObjectDisposedException
                or TaskCanceledException)
            {
                // The service is restarting; Twitch would retry too.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{messageId} was never accepted");
    }
}
