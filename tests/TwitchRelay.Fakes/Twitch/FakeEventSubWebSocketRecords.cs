namespace TwitchRelay.Fakes.Twitch;

/// <summary>Who ended a session.</summary>
public enum FakeEventSubCloser
{
    None,
    Server,
    Client,

    /// <summary>The TCP connection ended without a close handshake.</summary>
    Dropped,
}

/// <summary>One session (one accepted WebSocket) as the fake saw it.</summary>
public sealed record FakeEventSubSession(
    string Id,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? WelcomedAt,
    bool IsOpen,
    string? ReconnectedFrom,
    int KeepaliveTimeoutSeconds,
    bool IsSubscribed,
    FakeEventSubCloser ClosedBy,
    int? CloseCode);

public enum FakeEventSubRecordKind
{
    Connected,
    Welcomed,
    KeepaliveSent,
    NotificationSent,
    RevocationSent,
    ReconnectSent,
    ClientSentText,
    ClientSentBinary,
    ClosedByServer,
    ClosedByClient,
    Dropped,
}

/// <summary>Something that happened, in order: <see cref="Sequence"/> orders records across sessions without
/// comparing times. <see cref="Detail"/> is the message id sent, or the text the client sent.</summary>
public sealed record FakeEventSubRecord(
    long Sequence,
    string SessionId,
    FakeEventSubRecordKind Kind,
    string? Detail = null,
    int? CloseCode = null);
