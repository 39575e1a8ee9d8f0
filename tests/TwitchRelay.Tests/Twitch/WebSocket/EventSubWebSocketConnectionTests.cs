using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Fakes.Twitch;

namespace TwitchRelay.Tests.Twitch.WebSocket;

public sealed class EventSubWebSocketConnectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 19, 4, 11, 464, TimeSpan.Zero);

    [Fact]
    public async Task WelcomeSubscribesTheAccountOnTheNewSession()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();

        // Act
        var sessionId = await rig.ConnectAndSubscribeAsync("583920147");

        // Assert
        var session = Assert.Single(rig.Server.Sessions);
        Assert.Equal(session.Id, sessionId);
        Assert.Equal(("583920147", session.Id), Assert.Single(rig.Accounts.Calls));
        Assert.True(session.IsSubscribed);
        Assert.True(rig.Server.IsConnected(session.Id));
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task NotificationLandsInTheInboxAsTheWebhookWouldStoreIt()
    {
        // Arrange: a clock that stands still, so the frame's timestamp is known and no timer fires.
        var time = new FakeTimeProvider(Start);
        await using var rig = await WebSocketRig.StartAsync(time);
        var sessionId = await rig.ConnectAndSubscribeAsync();
        var payload = EventSubPayloads.Follow(sessionId);

        // Act
        await rig.Server.SendNotificationAsync(
            sessionId, "channel.follow", "2", payload, "befa7b53-d79d-478f-86b9-120f112b044e");

        // Assert
        var row = Assert.Single(await rig.InboxUntilAsync(rows => rows.Count >= 1));
        Assert.Equal("befa7b53-d79d-478f-86b9-120f112b044e", row.MessageId);
        Assert.Equal("notification", row.MessageType);
        Assert.Equal("channel.follow", row.SubscriptionType);
        Assert.Equal("2", row.SubscriptionVersion);
        Assert.Equal(Start, row.MessageTimestamp);
        Assert.Equal(payload, row.Body);
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task TheSameMessageIdTwiceMakesOneInboxRow()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();
        var sessionId = await rig.ConnectAndSubscribeAsync();
        var payload = EventSubPayloads.Follow(sessionId);

        // Act: frames are handled in order, so once the third is stored the second was seen.
        await rig.Server.SendNotificationAsync(sessionId, "channel.follow", "2", payload, "dup-1");
        await rig.Server.SendNotificationAsync(sessionId, "channel.follow", "2", payload, "dup-1");
        await rig.Server.SendNotificationAsync(sessionId, "channel.follow", "2", payload, "after-dup");

        // Assert
        var rows = await rig.InboxUntilAsync(rows => rows.Any(r => r.MessageId == "after-dup"));
        Assert.Equal(["dup-1", "after-dup"], rows.Select(r => r.MessageId));
    }

    [Fact]
    public async Task RevocationLandsInTheInboxAsARevocation()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();
        var sessionId = await rig.ConnectAndSubscribeAsync();
        var payload = EventSubPayloads.FollowRevoked(sessionId);

        // Act
        var messageId = await rig.Server.SendRevocationAsync(sessionId, payload);

        // Assert
        var row = Assert.Single(await rig.InboxUntilAsync(rows => rows.Count >= 1));
        Assert.Equal(messageId, row.MessageId);
        Assert.Equal("revocation", row.MessageType);
        Assert.Equal("channel.follow", row.SubscriptionType);
        Assert.Equal("2", row.SubscriptionVersion);
        Assert.Equal(payload, row.Body);
    }

    [Fact]
    public async Task CancellationClosesTheSocketWithNormalClosure()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();
        var (stop, run) = rig.StartConnection("583920147");
        await rig.Server.WaitUntilAsync(() => rig.Accounts.Calls.Count == 1);

        // Act
        await stop.CancelAsync();
        await run;

        // Assert
        await rig.Server.WaitUntilAsync(() => !rig.Server.Sessions[0].IsOpen);
        var session = Assert.Single(rig.Server.Sessions);
        Assert.Equal(FakeEventSubCloser.Client, session.ClosedBy);
        Assert.Equal(1000, session.CloseCode);
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task TwitchPingsAreAnsweredWithPongs()
    {
        // Arrange: the server pings every 100 ms and drops a client that has not answered within 2 s.
        await using var rig = await WebSocketRig.StartAsync(configure: options =>
        {
            options.PingInterval = TimeSpan.FromMilliseconds(100);
            options.PingTimeout = TimeSpan.FromSeconds(2);
        });
        var sessionId = await rig.ConnectAndSubscribeAsync();

        // Act: well past the pong deadline.
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

        // Assert
        var session = Assert.Single(rig.Server.Sessions);
        Assert.Equal(sessionId, session.Id);
        Assert.True(session.IsOpen);
        Assert.Single(rig.Accounts.Calls);
        rig.AssertClientSentNothing();
    }
}
