using TwitchRelay.Discord;

namespace TwitchRelay.Tests.Discord;

public sealed class DiscordRestClientErrorTests
{
    private const string Hello = """{"content":"Live now!","allowed_mentions":{"parse":[]}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnauthorizedFailsAndLaterBotCallsMakeNoRequest()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.BotToken = "a-different-token";

        var first = await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct);
        var second = await host.Client.CreateMessageAsync(DiscordTestHost.OtherChannel, Hello, "n-2", Ct);

        var failed = Assert.IsType<DiscordFailed>(first);
        Assert.Equal("Discord refused the bot token (401)", failed.Reason);
        Assert.Equal(401, failed.HttpStatus);
        Assert.Equal("Discord refused the bot token (401)", Assert.IsType<DiscordFailed>(second).Reason);
        Assert.Single(host.Fake.Requests);
        Assert.Equal(1, host.Client.Stats.Unauthorized);
        Assert.True(host.Client.Stats.BotTokenRejected);
        Assert.Equal(1, host.Client.InvalidResponseCount);
    }

    [Fact]
    public async Task MissingPermissionsFailsWith50013AndNamesTheChannel()
    {
        await using var host = await DiscordTestHost.StartAsync();
        host.Fake.AddChannel(DiscordTestHost.ChannelId, canSend: false);

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.True(failed.IsMissingPermissions);
        Assert.Equal(403, failed.HttpStatus);
        Assert.StartsWith(
            "Missing Permissions: the bot cannot post in channel " + DiscordTestHost.ChannelId,
            failed.Reason);
        Assert.Equal(1, host.Client.Stats.Forbidden);
        Assert.Empty(host.Fake.Messages);
    }

    [Fact]
    public async Task UnknownChannelFailsWith10003()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var result = await host.Client.CreateMessageAsync(new ChannelTarget("999"), Hello, "n-1", Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.True(failed.IsUnknownChannel);
        Assert.Equal((404, 10003), (failed.HttpStatus, failed.DiscordCode));
    }

    [Fact]
    public async Task UnknownWebhookFailsWith10015WithoutNamingTheToken()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var wrongToken = new WebhookTarget(DiscordTestHost.WebhookId, "wrong-token");

        var result = await host.Client.CreateMessageAsync(wrongToken, Hello, null, Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.True(failed.IsUnknownWebhook);
        Assert.Equal(404, failed.HttpStatus);
        Assert.DoesNotContain("wrong-token", failed.Reason, StringComparison.Ordinal);
        Assert.False(host.Client.Stats.BotTokenRejected);
    }

    [Fact]
    public async Task EditOfADeletedMessageFailsWith10008()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var created = (DiscordDelivered)await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct);
        await host.Client.DeleteMessageAsync(DiscordTestHost.Channel, created.MessageId, Ct);

        var result = await host.Client.EditMessageAsync(DiscordTestHost.Channel, created.MessageId, Hello, Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.True(failed.IsUnknownMessage);
        Assert.Equal(404, failed.HttpStatus);
    }

    [Fact]
    public async Task InvalidFormBodyReportsDiscordsFieldErrors()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var tooLong = $$"""{"content":"{{new string('x', 2001)}}"}""";

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Channel, tooLong, "n-1", Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.Equal((400, 50035), (failed.HttpStatus, failed.DiscordCode));
        Assert.Contains("Invalid Form Body", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("content: Must be 2000 or fewer in length.", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMessageFailsWith50006()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Channel, """{"content":" "}""", "n-1", Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.Equal((400, 50006), (failed.HttpStatus, failed.DiscordCode));
        Assert.Contains("Cannot send an empty message", failed.Reason, StringComparison.Ordinal);
    }
}
