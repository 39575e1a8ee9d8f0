using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TwitchRelay.Fakes.Discord;

namespace TwitchRelay.Tests.Discord;

/// <summary>The rules of the fake that other tests rely on, checked with a bare HttpClient.</summary>
public sealed class FakeDiscordTests
{
    private const string Channel = "500000000000000001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ContentOver2000CharactersIsRejectedWith50035AndAFieldError()
    {
        await using var fake = await StartAsync();
        using var http = BotClient(fake);

        using var tooLong = await PostAsync(http, fake, $$"""{"content":"{{new string('x', 2001)}}"}""");
        using var atLimit = await PostAsync(http, fake, $$"""{"content":"{{new string('x', 2000)}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var error = JsonNode.Parse(await tooLong.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(50035, (int?)error["code"]);
        Assert.Equal("BASE_TYPE_MAX_LENGTH", (string?)error["errors"]!["content"]!["_errors"]![0]!["code"]);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Single(fake.MessagesIn(Channel));
    }

    [Fact]
    public async Task EmbedLimitsAreEnforced()
    {
        await using var fake = await StartAsync();
        using var http = BotClient(fake);
        var elevenEmbeds = "[" + string.Join(",", Enumerable.Repeat("""{"title":"t"}""", 11)) + "]";

        using var tooMany = await PostAsync(http, fake, $$"""{"embeds":{{elevenEmbeds}}}""");
        using var longTitle = await PostAsync(http, fake, $$"""{"embeds":[{"title":"{{new string('t', 257)}}"}]}""");

        var manyError = JsonNode.Parse(await tooMany.Content.ReadAsStringAsync(Ct))!;
        var titleError = JsonNode.Parse(await longTitle.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(50035, (int?)manyError["code"]);
        Assert.NotNull(manyError["errors"]!["embeds"]!["_errors"]);
        Assert.NotNull(titleError["errors"]!["embeds"]!["0"]!["title"]!["_errors"]);
        Assert.Empty(fake.Messages);
    }

    [Fact]
    public async Task AMissingUserAgentOrBotTokenIsRefused()
    {
        await using var fake = await StartAsync();
        using var noAgent = new HttpClient();
        noAgent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", "t0k");
        using var noToken = new HttpClient();
        noToken.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.org, 1)");

        using var withoutAgent = await PostAsync(noAgent, fake, """{"content":"hi"}""");
        using var withoutToken = await PostAsync(noToken, fake, """{"content":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, withoutAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        var error = JsonNode.Parse(await withoutToken.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("401: Unauthorized", (string?)error["message"]);
        Assert.Empty(fake.Messages);
    }

    [Fact]
    public async Task AnEnforcedNonceReturnsTheEarlierMessage()
    {
        await using var fake = await StartAsync();
        using var http = BotClient(fake);
        const string Body = """{"content":"hi","nonce":"n-1","enforce_nonce":true}""";

        using var first = await PostAsync(http, fake, Body);
        using var second = await PostAsync(http, fake, Body);

        var firstId = (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!["id"];
        var secondId = (string?)JsonNode.Parse(await second.Content.ReadAsStringAsync(Ct))!["id"];
        Assert.NotNull(firstId);
        Assert.Equal(firstId, secondId);
        Assert.Single(fake.Messages);
    }

    [Fact]
    public async Task AWebhookPostWithoutWaitAnswers204AndStillSaves()
    {
        await using var fake = await StartAsync();
        var url = fake.AddWebhook("600000000000000001", "hook-token", Channel);
        using var http = BotClient(fake);

        using var content = Json("""{"content":"hi"}""");
        using var response = await http.PostAsync(
            $"{fake.ApiBaseUrl}/webhooks/600000000000000001/hook-token",
            content,
            Ct);

        Assert.Equal("https://discord.com/api/webhooks/600000000000000001/hook-token", url);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("600000000000000001", Assert.Single(fake.Messages).WebhookId);
    }

    [Fact]
    public async Task AnExceededBucketAnswers429WithDiscordsHeadersAndBody()
    {
        await using var fake = await StartAsync();
        fake.SetBucketLimit(Channel, 1, TimeSpan.FromSeconds(5));
        using var http = BotClient(fake);

        using var first = await PostAsync(http, fake, """{"content":"one"}""");
        using var second = await PostAsync(http, fake, """{"content":"two"}""");

        Assert.Equal("1", first.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("0", first.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.NotEmpty(first.Headers.GetValues("X-RateLimit-Bucket").Single());
        Assert.NotEmpty(first.Headers.GetValues("X-RateLimit-Reset").Single());
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        Assert.Equal("user", second.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.NotNull(second.Headers.RetryAfter);
        var body = JsonNode.Parse(await second.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("You are being rate limited.", (string?)body["message"]);
        Assert.InRange((double)body["retry_after"]!, 0.001, 5.0);
        Assert.False((bool)body["global"]!);
        Assert.Single(fake.Messages);
    }

    [Fact]
    public async Task TheGlobalLimitAnswersAGlobal429AcrossChannels()
    {
        var options = new FakeDiscordOptions { BotToken = "t0k", GlobalLimit = 2 };
        await using var fake = await FakeDiscord.StartAsync(options);
        fake.AddChannel(Channel);
        fake.AddChannel("500000000000000002");
        using var http = BotClient(fake);

        using var one = await PostAsync(http, fake, """{"content":"one"}""");
        using var two = await PostAsync(http, fake, """{"content":"two"}""");
        using var content = Json("""{"content":"three"}""");
        using var three = await http.PostAsync($"{fake.ApiBaseUrl}/channels/500000000000000002/messages", content, Ct);

        Assert.Equal((HttpStatusCode)429, three.StatusCode);
        Assert.Equal("true", three.Headers.GetValues("X-RateLimit-Global").Single());
        Assert.Equal("global", three.Headers.GetValues("X-RateLimit-Scope").Single());
        Assert.True((bool)JsonNode.Parse(await three.Content.ReadAsStringAsync(Ct))!["global"]!);
        Assert.Equal(2, fake.Messages.Count);
    }

    private static async Task<FakeDiscord> StartAsync()
    {
        var fake = await FakeDiscord.StartAsync(new FakeDiscordOptions { BotToken = "t0k" });
        fake.AddChannel(Channel);
        return fake;
    }

    private static HttpClient BotClient(FakeDiscord fake)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", fake.BotToken);
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://example.org, 1)");
        return http;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, FakeDiscord fake, string json)
    {
        using var content = Json(json);
        return await http.PostAsync($"{fake.ApiBaseUrl}/channels/{Channel}/messages", content, Ct);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
