namespace TwitchRelay.Storage.Entities;

/// <summary>One Twitch channel's stream as the relay last saw it, one row per channel (linked or followed). It is
/// what makes one stream one post: <see cref="Session"/> names the post (every stream.online rule's message for it
/// is the thread <c>stream:{BroadcasterId}:{Session}</c>), <see cref="Revision"/> orders the states of that post,
/// and <see cref="StreamIds"/> recognises a stream.online sent again under a new message id.</summary>
public sealed class StreamState
{
    /// <summary>Twitch's user id of the channel.</summary>
    public required string BroadcasterId { get; set; }

    public string Login { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? ProfileImageUrl { get; set; }

    /// <summary>The last known title and category (from channel.update or Helix), kept while offline too.</summary>
    public string? Title { get; set; }

    public string? CategoryName { get; set; }

    /// <summary>Twitch's time of the channel.update that set the title, so a late older one does not win.</summary>
    public DateTimeOffset? TitleChangedAt { get; set; }

    public bool IsLive { get; set; }

    /// <summary>The current (or last) Twitch stream id.</summary>
    public string? StreamId { get; set; }

    /// <summary><c>live</c>, or another stream type Twitch names.</summary>
    public string? StreamType { get; set; }

    /// <summary>Every Twitch stream id of the current post, comma-separated (a stream back within the grace gets a
    /// new id and keeps its post).</summary>
    public string StreamIds { get; set; } = "";

    /// <summary>0 until the channel's first go-live post; then one more for each post (a return within the grace
    /// keeps the number).</summary>
    public int Session { get; set; }

    /// <summary>Counts the states of the current post; each delivery for it carries the count as its thread stage,
    /// so the newest state always wins.</summary>
    public int Revision { get; set; }

    /// <summary>When the post's first stream started.</summary>
    public DateTimeOffset? SessionStartedAt { get; set; }

    /// <summary>When the current stream id started: an offline older than this belongs to an earlier stream.</summary>
    public DateTimeOffset? LiveSince { get; set; }

    /// <summary>Twitch's time of the last stream.offline: an online that started before it has already ended.
    /// </summary>
    public DateTimeOffset? LastOfflineAt { get; set; }

    /// <summary>The archive of the post's stream, once Twitch has it (of its latest part that has one, when the
    /// stream came back within the grace).</summary>
    public string? VodUrl { get; set; }

    /// <summary>Set while the post shows "ended" without a VOD: the relay asks Twitch for it until then.</summary>
    public DateTimeOffset? VodSearchUntil { get; set; }

    public IReadOnlyList<string> StreamIdList => StreamIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The thread key of the current post's deliveries.</summary>
    public string PostKey => $"stream:{BroadcasterId}:{Session}";
}
