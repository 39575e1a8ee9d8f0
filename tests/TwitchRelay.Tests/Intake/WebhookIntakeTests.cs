using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Tests.Intake;

/// <summary>protocol.md §2 against the real endpoint on Kestrel and a real SQLite file.</summary>
public sealed class WebhookIntakeTests : IAsyncLifetime
{
    private readonly TestSettings settings = new();
    private RelayTestHost host = null!;

    private static string FollowBody => SamplePayloads.Read("channel.follow.json");

    public async ValueTask InitializeAsync() => host = await RelayTestHost.StartAsync(settings);

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        settings.Dispose();
    }

    [Fact]
    public async Task SignedNotificationIsStoredBeforeTheAnswer()
    {
        using var request = TwitchSigner.Notification(FollowBody, messageId: "msg-stored-1");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await InboxAsync();
        var row = Assert.Single(stored);
        Assert.Equal("msg-stored-1", row.MessageId);
        Assert.Equal("channel.follow", row.SubscriptionType);
        Assert.Equal("2", row.SubscriptionVersion);
        Assert.Equal(FollowBody, row.Body);
    }

    [Fact]
    public async Task ForgedSignatureIsRefusedAndDoesNotMarkTheIdAsSeen()
    {
        using var forged = TwitchSigner.Notification(
            FollowBody, messageId: "msg-forged", secret: "not-the-secret-at-all");
        using var real = TwitchSigner.Notification(FollowBody, messageId: "msg-forged");

        using var forgedResponse = await host.Client.SendAsync(forged, TestContext.Current.CancellationToken);
        var afterForged = await InboxAsync();
        using var realResponse = await host.Client.SendAsync(real, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        Assert.Empty(afterForged);
        Assert.Equal(HttpStatusCode.NoContent, realResponse.StatusCode);
        Assert.Equal("msg-forged", Assert.Single(await InboxAsync()).MessageId);
    }

    [Fact]
    public async Task BodyChangedAfterSigningIsRefused()
    {
        using var request = TwitchSigner.Notification(FollowBody);
        var tampered = FollowBody.Replace("Pixel_Wanderer", "Pixel_Wandere2", StringComparison.Ordinal);
        request.Content = new StringContent(tampered, Encoding.UTF8, "application/json");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await InboxAsync());
    }

    [Theory]
    [InlineData(EventSubHeaders.MessageId)]
    [InlineData(EventSubHeaders.MessageTimestamp)]
    [InlineData(EventSubHeaders.MessageSignature)]
    [InlineData(EventSubHeaders.MessageType)]
    public async Task MissingHeaderIsRefused(string header)
    {
        using var request = TwitchSigner.Notification(FollowBody);
        request.Headers.Remove(header);

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await InboxAsync());
    }

    [Fact]
    public async Task HeaderNamesAreMatchedInAnyCase()
    {
        using var signed = TwitchSigner.Notification(FollowBody, messageId: "msg-case");
        using var request = new HttpRequestMessage(HttpMethod.Post, signed.RequestUri) { Content = signed.Content };
        foreach (var (name, values) in signed.Headers)
        {
            var renamed = name.Length % 2 == 0 ? name.ToLowerInvariant() : name.ToUpperInvariant();
            request.Headers.TryAddWithoutValidation(renamed, values);
        }

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("msg-case", Assert.Single(await InboxAsync()).MessageId);
    }

    [Theory]
    [InlineData(-11, HttpStatusCode.Forbidden)]
    [InlineData(11, HttpStatusCode.Forbidden)]
    [InlineData(-9, HttpStatusCode.NoContent)]
    public async Task TimestampsOutsideTenMinutesAreRefused(int minutes, HttpStatusCode expected)
    {
        using var request = TwitchSigner.Notification(FollowBody, sentAt: DateTimeOffset.UtcNow.AddMinutes(minutes));

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent ? 1 : 0, (await InboxAsync()).Count);
    }

    [Fact]
    public async Task RepeatedMessageIdIsAnsweredAgainButStoredOnce()
    {
        using var first = TwitchSigner.Notification(FollowBody, messageId: "msg-dup");
        using var again = TwitchSigner.Notification(FollowBody, messageId: "msg-dup");

        using var firstResponse = await host.Client.SendAsync(first, TestContext.Current.CancellationToken);
        using var againResponse = await host.Client.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, againResponse.StatusCode);
        Assert.Single(await InboxAsync());
    }

    [Fact]
    public async Task ChallengeIsEchoedAsPlainText()
    {
        var body = SamplePayloads.Read("transport/webhook_callback_verification.json");
        using var request = TwitchSigner.Notification(body, messageType: EventSubMessageTypes.Verification);
        var expected = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("challenge").GetString()!;

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, text);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await InboxAsync());
    }

    [Fact]
    public async Task UnsignedChallengeIsRefused()
    {
        var body = SamplePayloads.Read("transport/webhook_callback_verification.json");
        using var request = TwitchSigner.Notification(
            body,
            messageType: EventSubMessageTypes.Verification,
            secret: "someone-elses-secret");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBodyIsRefusedAndNotStored()
    {
        var padding = new string(' ', WebhookIntakeEndpoint.MaxBodyBytes);
        using var request = TwitchSigner.Notification(FollowBody.Insert(1, padding));

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await InboxAsync());
    }

    [Fact]
    public async Task RevocationIsRecordedWithItsReason()
    {
        var body = SamplePayloads.Read("transport/revocation.json");
        using var request = TwitchSigner.Notification(body, messageType: EventSubMessageTypes.Revocation);

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var revocation = await Eventually.SingleAsync(async () =>
        {
            await using var db = Contexts.CreateDbContext();
            return await db.Revocations.ToListAsync();
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("authorization_revoked", revocation.Reason);
        Assert.Equal("channel.follow", revocation.SubscriptionType);
        Assert.Equal("f1c2a387-161a-49f9-a165-0f21d7a4e1c4", revocation.SubscriptionId);
        Assert.Contains("583920147", revocation.Condition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTypeIsStoredAndMarkedIgnored()
    {
        var body = FollowBody
            .Replace("\"type\":\"channel.follow\"", "\"type\":\"channel.future_thing\"", StringComparison.Ordinal)
            .Replace("\"type\": \"channel.follow\"", "\"type\": \"channel.future_thing\"", StringComparison.Ordinal);
        using var request = TwitchSigner.Notification(body, messageId: "msg-unknown");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var row = await Eventually.SingleAsync(async () =>
        {
            await using var db = Contexts.CreateDbContext();
            return await db.Inbox.Where(x => x.ProcessedAt != null).ToListAsync();
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("channel.future_thing", row.SubscriptionType);
        Assert.StartsWith("ignored: no alert for channel.future_thing", row.Outcome, StringComparison.Ordinal);
    }

    private IDbContextFactory<RelayDbContext> Contexts =>
        host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>();

    private async Task<List<Storage.Entities.InboxNotification>> InboxAsync()
    {
        await using var db = Contexts.CreateDbContext();
        return await db.Inbox.OrderBy(x => x.Id).ToListAsync();
    }
}
