using TwitchRelay.Twitch.EventSub.WebSocket;

namespace TwitchRelay.Tests.Twitch.WebSocket;

public sealed class EventSubWebSocketFrameTests
{
    [Fact]
    public void NotificationPayloadIsKeptAsTwitchWroteIt()
    {
        // Arrange: spacing a serializer would not reproduce.
        const string payload = """{ "subscription": {"type":"channel.follow","version":"2"},  "event": {"a": 1} }""";
        var text = """{"metadata":{"message_id":"m1","message_type":"notification","""
            + "\"message_timestamp\":\"2026-11-28T19:04:11.464757833Z\"},\"payload\":" + payload + "}";

        // Act
        var frame = EventSubWebSocketFrame.Parse(text);

        // Assert: type and version fall back to the payload's subscription when the metadata lacks them.
        Assert.NotNull(frame);
        Assert.Equal(payload, frame.PayloadJson);
        Assert.Equal("channel.follow", frame.SubscriptionType);
        Assert.Equal("2", frame.SubscriptionVersion);
        Assert.Equal("2026-11-28T19:04:11.464757833Z", frame.Timestamp);
    }

    [Fact]
    public void WelcomeGivesTheSessionAndItsKeepalive()
    {
        // Arrange
        const string text = """
            {"metadata":{"message_id":"w1","message_type":"session_welcome",
            "message_timestamp":"2026-11-28T14:56:51.634234626Z"},"payload":{"session":{"id":"AQoQ1",
            "status":"connected","keepalive_timeout_seconds":30,"reconnect_url":null}}}
            """;

        // Act
        var frame = EventSubWebSocketFrame.Parse(text);

        // Assert
        Assert.Equal(new EventSubWebSocketSession("AQoQ1", 30, null), frame?.Session);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"metadata":{"message_type":"notification"},"payload":{}}""")]
    [InlineData("""{"metadata":{"message_id":"m","message_type":"notification"}}""")]
    public void SomethingElseIsNotAFrame(string text)
    {
        Assert.Null(EventSubWebSocketFrame.Parse(text));
    }

    [Theory]
    [InlineData(4000, false)]
    [InlineData(4001, true)]
    [InlineData(4002, true)]
    [InlineData(4003, true)]
    [InlineData(4004, true)]
    [InlineData(4005, false)]
    [InlineData(4006, false)]
    [InlineData(4007, true)]
    public void CloseCodesThatMeanABugOnOurSideAreTold(int code, bool ourFault)
    {
        Assert.Equal(ourFault, EventSubCloseCodes.IsOurFault(code));
    }
}
