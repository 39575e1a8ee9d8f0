using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.EndToEnd;

/// <summary>A destination that fails is named in the guild's admin channel, once an hour per rule and reason, and
/// the notice pings nobody.</summary>
public class FailureNoticeTests
{
    private const string AdminChannel = Pipeline.PollsChannel;

    [Fact]
    public async Task RefusedPostsAreToldToTheAdminsOnceNotOncePerAlert()
    {
        await using var pipeline = await Pipeline.StartAsync(RulesWithAdminChannel(
            Pipeline.ChannelAlert("follow")));
        pipeline.Discord.FailNext(Pipeline.AlertsChannel, count: 2, status: 403);

        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"), messageId: "follow-1");
        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"), messageId: "follow-2");
        var deliveries = await AlertPipelineTests.WaitForDeliveriesAsync(pipeline, done: 2);

        Assert.All(deliveries, x => Assert.Equal(DeliveryStatus.Failed, x.Status));
        var notice = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(pipeline.Discord.MessagesIn(AdminChannel)),
            messages => messages.Count > 0));
        Assert.Contains($"A **follow** alert could not be posted in <#{Pipeline.AlertsChannel}>", notice.Content,
            StringComparison.Ordinal);
        Assert.Contains("403", notice.Content, StringComparison.Ordinal);
        Assert.Contains($"/guilds/{Pipeline.GuildId}/events/follow", notice.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("switched off", notice.Content, StringComparison.Ordinal);
        var post = pipeline.Discord.Requests.Single(x => x.Method == "POST"
            && x.Path.EndsWith($"/channels/{AdminChannel}/messages", StringComparison.Ordinal));
        Assert.Contains("\"parse\":[]", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedChannelIsToldWithTheRuleSwitchedOff()
    {
        const string deletedChannel = "910000000000000099";
        await using var pipeline = await Pipeline.StartAsync(RulesWithAdminChannel(
            Pipeline.ChannelAlert("follow", deletedChannel)));

        await pipeline.SendAsync(SamplePayloads.Read("channel.follow.json"));
        await AlertPipelineTests.WaitForDeliveriesAsync(pipeline, done: 1);

        var notice = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(pipeline.Discord.MessagesIn(AdminChannel)),
            messages => messages.Count > 0));
        Assert.Contains("10003", notice.Content, StringComparison.Ordinal);
        Assert.Contains("The rule is switched off until it is fixed.", notice.Content, StringComparison.Ordinal);
    }

    private static string RulesWithAdminChannel(params string[] alerts) =>
        $$"""
        { "version": 1,
          "guilds": [ { "guildId": "{{Pipeline.GuildId}}", "broadcasterId": "{{Pipeline.BroadcasterId}}",
                        "adminChannelId": "{{AdminChannel}}",
                        "alerts": [ {{string.Join(",\n", alerts)}} ] } ] }
        """;
}
