using Microsoft.Extensions.Logging;
using TwitchRelay.Discord;

namespace TwitchRelay.Tests.Discord;

public sealed class DiscordRestClientLoggingTests
{
    private const string Hello = """{"content":"Live now!","allowed_mentions":{"parse":[]}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebhookTokenNeverReachesTheLogs()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.FailNext(DiscordTestHost.WebhookId, count: 1, status: 500);
        host.Fake.RateLimitNext(DiscordTestHost.WebhookId, TimeSpan.FromSeconds(1));

        var created = (DiscordDelivered)await host.DriveAsync(
            host.Client.CreateMessageAsync(DiscordTestHost.Webhook, Hello, null, Ct));
        await host.Client.EditMessageAsync(DiscordTestHost.Webhook, created.MessageId, Hello, Ct);
        await host.Client.DeleteMessageAsync(DiscordTestHost.Webhook, created.MessageId, Ct);
        await host.Client.DeleteMessageAsync(DiscordTestHost.Webhook, created.MessageId, Ct);

        var logs = host.Logs.Entries;
        Assert.Contains(logs, l => l.EventId == 2000 && l.Message.Contains("/webhooks/{webhook_id}/{webhook_token}"));
        Assert.Contains(logs, l => l.EventId == 2003 && l.Level == LogLevel.Warning);
        Assert.Contains(logs, l => l.EventId == 2001 && l.Level == LogLevel.Warning);
        Assert.Contains(logs, l => l.EventId == 2004 && l.Level == LogLevel.Error);
        Assert.All(logs, l => Assert.DoesNotContain(DiscordTestHost.WebhookToken, l.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BotTokenNeverReachesTheLogs()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.FailNext(DiscordTestHost.ChannelId, count: 1, status: 500);
        await host.DriveAsync(host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct));
        host.Fake.BotToken = "rotated";

        await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-2", Ct);

        var logs = host.Logs.Entries;
        Assert.Contains(logs, l => l.EventId == 2005 && l.Level == LogLevel.Error);
        Assert.All(logs, l => Assert.DoesNotContain(DiscordTestHost.BotToken, l.AllText, StringComparison.Ordinal));
    }
}
