namespace TwitchRelay.Delivery.Streams;

/// <summary>What Twitch says about channels beyond their EventSub events: title, game and avatar for the go-live
/// post (stream.online carries none of them), and the VOD of a stream that ended. Implemented over Helix in
/// <c>Twitch/Streams</c>. A failure is no answer, never an exception: the post goes out without.</summary>
public interface IStreamInfoSource
{
    Task<IReadOnlyDictionary<string, StreamInfo>> GetInfoAsync(
        IReadOnlyCollection<string> broadcasterIds,
        CancellationToken cancellationToken);

    /// <summary>The channels among <paramref name="broadcasterIds"/> that Get Streams lists as live, with their
    /// stream ids; null when Twitch could not be asked (no credentials, an error): nothing is known then.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetLiveStreamsAsync(
        IReadOnlyCollection<string> broadcasterIds,
        CancellationToken cancellationToken);

    /// <summary>The URL of the archive of one of <paramref name="streamIds"/> (or, when Twitch gives no stream id,
    /// the newest archive created since <paramref name="startedAt"/>), or null when Twitch has none yet.</summary>
    Task<string?> FindVodAsync(
        string broadcasterId,
        IReadOnlyList<string> streamIds,
        DateTimeOffset startedAt,
        CancellationToken cancellationToken);
}
