using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Twitch.EventSub.WebSocket;

namespace TwitchRelay.Tests.Twitch.WebSocket;

public sealed class EventSubWebSocketServiceTests
{
    [Fact]
    public async Task AccountChangesStartAndStopConnections()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync();
        var service = rig.Services.GetRequiredService<EventSubWebSocketService>();
        await service.StartAsync(TestContext.Current.CancellationToken);

        // Act 1: one account linked.
        rig.Accounts.Set("111");
        await rig.Server.WaitUntilAsync(() => rig.Accounts.Calls.Count == 1);

        // Act 2: a second account linked.
        rig.Accounts.Set("111", "222");
        await rig.Server.WaitUntilAsync(() => rig.Accounts.Calls.Count == 2);

        // Act 3: the first un-linked.
        rig.Accounts.Set("222");
        var firstSessionId = rig.Accounts.Calls.Single(c => c.BroadcasterId == "111").SessionId;
        await rig.Server.WaitUntilAsync(() => !rig.Server.IsConnected(firstSessionId));

        // Assert
        Assert.Equal(["111", "222"], rig.Accounts.Calls.Select(c => c.BroadcasterId).Order());
        Assert.Equal(["222"], service.BroadcasterIds);
        var first = rig.Server.Sessions.Single(s => s.Id == firstSessionId);
        Assert.Equal(FakeEventSubCloser.Client, first.ClosedBy);
        Assert.Equal(1000, first.CloseCode);
        var secondSessionId = rig.Accounts.Calls.Single(c => c.BroadcasterId == "222").SessionId;
        Assert.True(rig.Server.IsConnected(secondSessionId));
        Assert.Equal(2, rig.Server.Sessions.Count);

        await service.StopAsync(TestContext.Current.CancellationToken);
        await rig.Server.WaitUntilAsync(() => !rig.Server.IsConnected(secondSessionId));
        Assert.Empty(service.BroadcasterIds);
        Assert.Equal(1000, rig.Server.Sessions.Single(s => s.Id == secondSessionId).CloseCode);
        rig.AssertClientSentNothing();
    }

    [Fact]
    public async Task WebhookTransportOpensNoWebSocket()
    {
        // Arrange
        await using var rig = await WebSocketRig.StartAsync(transport: "webhook");
        rig.Accounts.Set("111");
        var service = rig.Services.GetRequiredService<EventSubWebSocketService>();

        // Act
        await service.StartAsync(TestContext.Current.CancellationToken);
        await service.ExecuteTask!;

        // Assert
        Assert.Empty(service.BroadcasterIds);
        Assert.Empty(rig.Server.Sessions);
    }
}
