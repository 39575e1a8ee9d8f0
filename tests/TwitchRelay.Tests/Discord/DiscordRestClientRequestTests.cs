using System.Text.Json.Nodes;
using TwitchRelay.Discord;

namespace TwitchRelay.Tests.Discord;

public sealed class DiscordRestClientRequestTests
{
    private const string Hello = """{"content":"Live now!","allowed_mentions":{"parse":[]}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChannelPostSendsBotAuthUserAgentJsonAndAnEnforcedNonce()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "alert-42", Ct);

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/v10/channels/{DiscordTestHost.ChannelId}/messages", request.Path);
        Assert.Equal("", request.Query);
        Assert.Equal($"Bot {DiscordTestHost.BotToken}", request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (https://github.com/twitchrelay/twitchrelay, ", request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("alert-42", (string?)body["nonce"]);
        Assert.True((bool?)body["enforce_nonce"]);
        Assert.Equal("Live now!", (string?)body["content"]);
        Assert.NotNull(body["allowed_mentions"]);
        var message = Assert.Single(host.Fake.MessagesIn(DiscordTestHost.ChannelId));
        Assert.Equal(new DiscordDelivered(message.Id), result);
    }

    [Fact]
    public async Task WebhookPostGoesToApiBaseUrlWithWaitTrueAndWithoutAuthOrNonce()
    {
        await using var host = await DiscordTestHost.StartAsync();

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Webhook, Hello, "alert-42", Ct);

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/v10/webhooks/{DiscordTestHost.WebhookId}/{DiscordTestHost.WebhookToken}", request.Path);
        Assert.Equal("?wait=true&with_components=true", request.Query);
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent"));
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.False(body.ContainsKey("nonce"));
        Assert.False(body.ContainsKey("enforce_nonce"));
        var message = Assert.Single(host.Fake.Messages);
        Assert.Equal(DiscordTestHost.WebhookId, message.WebhookId);
        Assert.Equal(new DiscordDelivered(message.Id), result);
    }

    [Fact]
    public async Task EditPatchesTheSameChannelMessageWithoutANonce()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var created = (DiscordDelivered)await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct);

        var result = await host.Client.EditMessageAsync(
            DiscordTestHost.Channel,
            created.MessageId,
            """{"content":"Poll: 3 votes","allowed_mentions":{"parse":[]}}""",
            Ct);

        var request = host.Fake.Requests[^1];
        Assert.Equal("PATCH", request.Method);
        Assert.Equal($"/api/v10/channels/{DiscordTestHost.ChannelId}/messages/{created.MessageId}", request.Path);
        Assert.DoesNotContain("nonce", request.Body, StringComparison.Ordinal);
        Assert.Equal($"Bot {DiscordTestHost.BotToken}", request.Header("Authorization"));
        Assert.Equal(new DiscordDelivered(created.MessageId), result);
        var message = host.Fake.Message(created.MessageId)!;
        Assert.Equal("Poll: 3 votes", message.Content);
        Assert.Equal(1, message.EditCount);
    }

    [Fact]
    public async Task WebhookEditAndDeleteUseTheWebhookMessagePath()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var created = (DiscordDelivered)await host.Client.CreateMessageAsync(DiscordTestHost.Webhook, Hello, null, Ct);

        var edited = await host.Client.EditMessageAsync(
            DiscordTestHost.Webhook,
            created.MessageId,
            """{"content":"Ended"}""",
            Ct);
        var deleted = await host.Client.DeleteMessageAsync(DiscordTestHost.Webhook, created.MessageId, Ct);

        var path = $"/api/v10/webhooks/{DiscordTestHost.WebhookId}/{DiscordTestHost.WebhookToken}/messages/"
            + created.MessageId;
        Assert.Equal(["POST", "PATCH", "DELETE"], host.Fake.Requests.Select(r => r.Method));
        Assert.All(host.Fake.Requests.Skip(1), r => Assert.Equal(path, r.Path));
        Assert.All(host.Fake.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.Equal(204, host.Fake.Requests[^1].Status);
        Assert.Equal(new DiscordDelivered(created.MessageId), edited);
        Assert.Equal(new DiscordDelivered(created.MessageId), deleted);
        var message = host.Fake.Message(created.MessageId)!;
        Assert.True(message.Deleted);
        Assert.Equal("Ended", message.Content);
    }

    [Fact]
    public async Task WithoutABotTokenChannelCallsFailWithoutARequest()
    {
        await using var host = await DiscordTestHost.StartAsync(withBotToken: false);

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, "n-1", Ct);

        Assert.Equal(new DiscordFailed("Discord:BotToken is not set", null, null), result);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public async Task WithoutABotTokenWebhookCallsStillWork()
    {
        await using var host = await DiscordTestHost.StartAsync(withBotToken: false);

        var result = await host.Client.CreateMessageAsync(DiscordTestHost.Webhook, Hello, null, Ct);

        Assert.IsType<DiscordDelivered>(result);
        Assert.Single(host.Fake.Messages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    [InlineData("123456789012345678901")]
    [InlineData("../webhooks")]
    [InlineData("99999999999999999999")]
    public void InvalidSnowflakesAreRefusedInTargets(string id)
    {
        Assert.Throws<ArgumentException>(() => new ChannelTarget(id));
        Assert.Throws<ArgumentException>(() => new WebhookTarget(id, "token"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tok/../../channels")]
    [InlineData("tok?wait=false")]
    public void UnsafeWebhookTokensAreRefused(string token)
    {
        Assert.Throws<ArgumentException>(() => new WebhookTarget(DiscordTestHost.WebhookId, token));
    }

    [Fact]
    public async Task InvalidMessageIdsAndOverlongNoncesAreRefusedBeforeAnyRequest()
    {
        await using var host = await DiscordTestHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.EditMessageAsync(DiscordTestHost.Channel, "1/../2", Hello, Ct));
        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.DeleteMessageAsync(DiscordTestHost.Webhook, "abc", Ct));
        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.CreateMessageAsync(DiscordTestHost.Channel, Hello, new string('n', 26), Ct));
        await Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.CreateMessageAsync(DiscordTestHost.Channel, "[1,2]", "n-1", Ct));

        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public void WebhookTargetToStringHidesTheToken()
    {
        var text = DiscordTestHost.Webhook.ToString();

        Assert.Contains(DiscordTestHost.WebhookId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordTestHost.WebhookToken, text, StringComparison.Ordinal);
    }
}
