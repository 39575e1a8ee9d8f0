using Microsoft.Extensions.Time.Testing;
using TwitchRelay.Fakes.Twitch;

namespace TwitchRelay.Tests.Twitch.WebSocket;

public sealed class EventSubWebSocketReconnectTests
{
    [Fact]
    public async Task KeepaliveSilenceReconnectsAndResubscribesOnANewSession()
    {
        // Arrange: one clock for both sides; the server sends no keepalives.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var rig = await WebSocketRig.StartAsync(time, options =>
        {
            options.SendKeepalives = false;
            options.RequireSubscriptionWithin = null;
        });
        var firstSessionId = await rig.ConnectAndSubscribeAsync();

        // Act: let time pass in steps past keepalive_timeout_seconds (10) plus the grace, and past the back-off.
        await rig.Server.WaitUntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(4));
            return rig.Accounts.Calls.Count >= 2;
        });

        // Assert
        var (broadcasterId, secondSessionId) = rig.Accounts.Calls[1];
        Assert.Equal("583920147", broadcasterId);
        Assert.NotEqual(firstSessionId, secondSessionId);
        var second = Assert.Single(rig.Server.Sessions, s => s.Id == secondSessionId);
        Assert.Null(second.ReconnectedFrom);
        await rig.Server.WaitUntilAsync(() => !rig.Server.IsConnected(firstSessionId));
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task SessionReconnectHandsOverWithoutLossAndWithoutResubscribing()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();
        var oldSessionId = await rig.ConnectAndSubscribeAsync();
        rig.Server.Options.HoldWelcomes = true;

        // Act 1: Twitch asks to reconnect; the client opens the URL; its welcome is held back.
        var reconnectUrl = await rig.Server.SendReconnectAsync(oldSessionId);
        await rig.Server.WaitUntilAsync(() => rig.Server.Sessions.Any(s => s.ReconnectedFrom == oldSessionId));
        var newSessionId = rig.Server.Sessions.Single(s => s.ReconnectedFrom == oldSessionId).Id;

        // Assert 1: the new socket came to the given URL (its token names the old session); the old is still open.
        Assert.Contains("reconnect_token=", reconnectUrl, StringComparison.Ordinal);
        Assert.Contains(rig.Server.Records, r => r.SessionId == newSessionId
            && r.Kind == FakeEventSubRecordKind.Connected && r.Detail == oldSessionId);
        Assert.True(rig.Server.IsConnected(oldSessionId));

        // Act 2: a notification on the old socket, then the new welcome.
        var payload = EventSubPayloads.Follow(oldSessionId);
        await rig.Server.SendNotificationAsync(oldSessionId, "channel.follow", "2", payload, "on-old-socket");
        await rig.Server.ReleaseWelcomeAsync(newSessionId);
        await rig.Server.WaitUntilAsync(() => !rig.Server.IsConnected(oldSessionId));
        await rig.Server.SendNotificationAsync(newSessionId, "channel.follow", "2", payload, "on-new-socket");

        // Assert 2: nothing lost, the client closed the old socket after the new welcome, and did not re-subscribe.
        var rows = await rig.InboxUntilAsync(rows => rows.Count >= 2);
        Assert.Equal(["on-old-socket", "on-new-socket"], rows.Select(r => r.MessageId));
        var records = rig.Server.Records;
        var welcomed = Assert.Single(records, r => r.SessionId == newSessionId
            && r.Kind == FakeEventSubRecordKind.Welcomed);
        var closed = Assert.Single(records, r => r.SessionId == oldSessionId
            && r.Kind == FakeEventSubRecordKind.ClosedByClient);
        Assert.True(welcomed.Sequence < closed.Sequence);
        Assert.Equal(1000, closed.CloseCode);
        Assert.Single(rig.Accounts.Calls);
        Assert.True(rig.Server.IsConnected(newSessionId));
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task ServerClose4000ReconnectsAndResubscribes()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();
        var firstSessionId = await rig.ConnectAndSubscribeAsync();

        // Act
        await rig.Server.CloseAsync(firstSessionId, 4000);

        // Assert
        await rig.Server.WaitUntilAsync(() => rig.Accounts.Calls.Count >= 2);
        var first = rig.Server.Sessions.Single(s => s.Id == firstSessionId);
        Assert.Equal(FakeEventSubCloser.Server, first.ClosedBy);
        Assert.Equal(4000, first.CloseCode);
        Assert.NotEqual(firstSessionId, rig.Accounts.Calls[1].SessionId);
        Assert.True(rig.Server.IsConnected(rig.Accounts.Calls[1].SessionId));
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task ReconnectGraceExpiryStartsAFreshSession()
    {
        // Arrange: the new socket's welcome never comes, so the server closes the old one with 4004.
        await using var rig = await WebSocketRig.StartAsync(configure: options =>
            options.ReconnectGrace = TimeSpan.FromMilliseconds(300));
        var oldSessionId = await rig.ConnectAndSubscribeAsync();
        rig.Server.Options.HoldWelcomes = true;

        // Act
        await rig.Server.SendReconnectAsync(oldSessionId);
        await rig.Server.WaitUntilAsync(() => rig.Server.Sessions.Any(s => s.CloseCode == 4004));
        rig.Server.Options.HoldWelcomes = false;
        foreach (var held in rig.Server.Sessions.Where(s => s.WelcomedAt is null))
        {
            await rig.Server.ReleaseWelcomeAsync(held.Id);
        }

        // Assert: the client started over on the base URL and subscribed there.
        await rig.Server.WaitUntilAsync(() => rig.Accounts.Calls.Count >= 2);
        var fresh = rig.Server.Sessions.Single(s => s.Id == rig.Accounts.Calls[1].SessionId);
        Assert.Null(fresh.ReconnectedFrom);
        rig.AssertClientSentNothing();
    }
}
