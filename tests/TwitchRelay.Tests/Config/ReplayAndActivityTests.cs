using Microsoft.EntityFrameworkCore;
using TwitchRelay.Cli;
using TwitchRelay.Storage;
using TwitchRelay.Tests.Infrastructure;

namespace TwitchRelay.Tests.Config;

/// <summary>The README's "try it without Twitch" path: replay the samples into a running service, then activity.
/// </summary>
public sealed class ReplayAndActivityTests : IAsyncLifetime
{
    private static readonly string SamplesFolder =
        Path.Combine(AppContext.BaseDirectory, "Payloads");

    private readonly TestSettings settings = new(botToken: null);
    private RelayTestHost host = null!;

    public async ValueTask InitializeAsync() => host = await RelayTestHost.StartAsync(settings);

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        settings.Dispose();
    }

    [Fact]
    public async Task ReplayedSamplesAreAcceptedAndActivityShowsWhatWouldBePosted()
    {
        var rules = Path.Combine(settings.Folder, "rules.json");
        await File.WriteAllTextAsync(rules, """
            { "version": 1, "guilds": [ { "guildId": "100000000000000001", "broadcasterId": "583920147",
              "alerts": [ { "event": "raid", "channelId": "100000000000000002" } ] } ] }
            """, TestContext.Current.CancellationToken);
        var url = new Uri(host.BaseAddress, "/twitch/eventsub").ToString();

        var (importExit, _, _) = await RunAsync("config", "import", rules);
        var (replayExit, replayOutput, _) = await RunAsync("replay", "--url", url, SamplesFolder);
        await Eventually.UntilAsync(ProcessedCountAsync, count => count >= 45);
        await Eventually.UntilAsync(PendingDeliveriesAsync, count => count == 0);
        var (activityExit, activity, _) = await RunAsync("activity");

        Assert.Equal(0, importExit);
        Assert.Equal(0, replayExit);
        Assert.Contains("0 refused", replayOutput, StringComparison.Ordinal);
        Assert.Contains("revocation   channel.follow v2", replayOutput, StringComparison.Ordinal);
        Assert.Equal(0, activityExit);
        Assert.Contains("raid", activity, StringComparison.Ordinal);
        Assert.Contains("not posted: Discord:BotToken is not set", activity, StringComparison.Ordinal);
        Assert.Contains("NorthwindGames", activity, StringComparison.Ordinal);
        Assert.Contains("channel.poll.progress", activity, StringComparison.Ordinal);
        // The samples hold one channel.follow notification and revocations of channel.follow subscriptions.
        Assert.Matches(@"\n  channel\.follow +1\r?\n", activity);
        Assert.Matches(@"\n  revoked: channel\.follow +[0-9]+\r?\n", activity);
    }

    [Fact]
    public async Task ReplayingTheSamplesFolderSendsAStreamsStartBeforeItsEnd()
    {
        var rules = Path.Combine(settings.Folder, "rules.json");
        await File.WriteAllTextAsync(rules, """
            { "version": 1, "guilds": [ { "guildId": "100000000000000001", "broadcasterId": "583920147",
              "alerts": [ { "event": "stream.online", "channelId": "100000000000000002" } ] } ] }
            """, TestContext.Current.CancellationToken);
        var url = new Uri(host.BaseAddress, "/twitch/eventsub").ToString();

        await RunAsync("config", "import", rules);
        var (exit, _, _) = await RunAsync("replay", "--url", url, SamplesFolder);
        await Eventually.UntilAsync(ProcessedCountAsync, count => count >= 45);

        Assert.Equal(0, exit);
        await using var db = host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
        var keys = await db.Deliveries.Select(x => x.EventKey).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("stream.online", keys);
    }

    [Fact]
    public async Task ReplayToAServiceThatIsNotRunningSaysSo()
    {
        var (exit, _, error) = await RunAsync(
            "replay", "--url", "http://127.0.0.1:9/twitch/eventsub", Path.Combine(SamplesFolder, "channel.raid.json"));

        Assert.Equal(1, exit);
        Assert.Contains("Is the service running", error, StringComparison.Ordinal);
    }

    private async Task<int> ProcessedCountAsync()
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
        return await db.Inbox.CountAsync(x => x.ProcessedAt != null);
    }

    private async Task<int> PendingDeliveriesAsync()
    {
        await using var db = host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
        return await db.Deliveries.CountAsync(x => x.Status == Storage.Entities.DeliveryStatus.Pending);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelayCli.RunAsync(args, settings.Build(), output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
