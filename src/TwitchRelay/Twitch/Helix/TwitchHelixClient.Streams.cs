using System.Text.Json.Serialization;

namespace TwitchRelay.Twitch.Helix;

/// <summary>What the go-live post and the live role read about channels: Get Channel Information, Get Streams,
/// Get Users by id and Get Videos. None of them needs a scope; an app token is enough.
/// https://dev.twitch.tv/docs/api/reference/</summary>
public sealed partial class TwitchHelixClient
{
    /// <summary>Title and game of a channel. https://dev.twitch.tv/docs/api/reference/#get-channel-information
    /// </summary>
    public async Task<HelixResult<TwitchChannel?>> GetChannelAsync(
        string token,
        string broadcasterId,
        CancellationToken ct)
    {
        var query = "?broadcaster_id=" + Uri.EscapeDataString(broadcasterId);
        var answer = await SendAsync(HttpMethod.Get, "/channels", query, token, null, ct);
        if (answer.Status != 200)
        {
            return Error<TwitchChannel?>(answer);
        }

        if (Read(answer, StreamsJsonContext.Default.ChannelsBody) is not { } body)
        {
            return Unreadable<TwitchChannel?>(answer);
        }

        var channel = (body.Data ?? []).FirstOrDefault(x => x.BroadcasterId == broadcasterId);
        return new HelixOk<TwitchChannel?>(channel is null
            ? null
            : new TwitchChannel(broadcasterId, channel.Title, channel.GameName));
    }

    /// <summary>The streams live now among <paramref name="userIds"/> (at most 100); a channel that is not live is
    /// simply absent. https://dev.twitch.tv/docs/api/reference/#get-streams</summary>
    public async Task<HelixResult<IReadOnlyList<TwitchLiveStream>>> GetStreamsAsync(
        string token,
        IEnumerable<string> userIds,
        CancellationToken ct)
    {
        var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > MaxUsersPerRequest)
        {
            throw new ArgumentException($"Get Streams takes at most {MaxUsersPerRequest} user ids.", nameof(userIds));
        }

        if (ids.Count == 0)
        {
            return new HelixOk<IReadOnlyList<TwitchLiveStream>>([]);
        }

        var query = "?first=100&" + string.Join('&', ids.Select(id => "user_id=" + Uri.EscapeDataString(id)));
        var answer = await SendAsync(HttpMethod.Get, "/streams", query, token, null, ct);
        if (answer.Status != 200)
        {
            return Error<IReadOnlyList<TwitchLiveStream>>(answer);
        }

        if (Read(answer, StreamsJsonContext.Default.StreamsBody) is not { } body)
        {
            return Unreadable<IReadOnlyList<TwitchLiveStream>>(answer);
        }

        return new HelixOk<IReadOnlyList<TwitchLiveStream>>([
            .. (body.Data ?? [])
                .Where(x => !string.IsNullOrEmpty(x.UserId) && x.Type == "live")
                .Select(x => new TwitchLiveStream(x.Id ?? "", x.UserId!, x.Title, x.GameName, x.StartedAt)),
        ]);
    }

    /// <summary>Users by id (at most 100); unknown ids are absent. https://dev.twitch.tv/docs/api/reference/#get-users
    /// </summary>
    public async Task<HelixResult<IReadOnlyList<TwitchUser>>> GetUsersByIdAsync(
        string token,
        IEnumerable<string> ids,
        CancellationToken ct)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return new HelixOk<IReadOnlyList<TwitchUser>>([]);
        }

        if (distinct.Count > MaxUsersPerRequest)
        {
            throw new ArgumentException($"Get Users takes at most {MaxUsersPerRequest} ids.", nameof(ids));
        }

        var query = "?" + string.Join('&', distinct.Select(id => "id=" + Uri.EscapeDataString(id)));
        var answer = await SendAsync(HttpMethod.Get, "/users", query, token, null, ct);
        if (answer.Status != 200)
        {
            return Error<IReadOnlyList<TwitchUser>>(answer);
        }

        return Read(answer, HelixJsonContext.Default.UsersBody) is { } body
            ? new HelixOk<IReadOnlyList<TwitchUser>>(ToUsers(body))
            : Unreadable<IReadOnlyList<TwitchUser>>(answer);
    }

    /// <summary>The channel's newest archives (past broadcasts), newest first: the VOD of a stream that ended has
    /// its <c>stream_id</c>. https://dev.twitch.tv/docs/api/reference/#get-videos</summary>
    public async Task<HelixResult<IReadOnlyList<TwitchVideo>>> GetArchivesAsync(
        string token,
        string userId,
        CancellationToken ct)
    {
        var query = "?type=archive&first=5&user_id=" + Uri.EscapeDataString(userId);
        var answer = await SendAsync(HttpMethod.Get, "/videos", query, token, null, ct);
        if (answer.Status != 200)
        {
            return Error<IReadOnlyList<TwitchVideo>>(answer);
        }

        if (Read(answer, StreamsJsonContext.Default.VideosBody) is not { } body)
        {
            return Unreadable<IReadOnlyList<TwitchVideo>>(answer);
        }

        return new HelixOk<IReadOnlyList<TwitchVideo>>([
            .. (body.Data ?? [])
                .Where(x => !string.IsNullOrEmpty(x.Url))
                .Select(x => new TwitchVideo(x.Id ?? "", x.StreamId, x.Url!, x.CreatedAt)),
        ]);
    }
}

/// <summary>A channel's title and game (Get Channel Information).</summary>
public sealed record TwitchChannel(string BroadcasterId, string? Title, string? GameName);

/// <summary>A live stream (Get Streams).</summary>
public sealed record TwitchLiveStream(
    string Id,
    string UserId,
    string? Title,
    string? GameName,
    DateTimeOffset? StartedAt);

/// <summary>An archived broadcast (Get Videos, type archive).</summary>
public sealed record TwitchVideo(string Id, string? StreamId, string Url, DateTimeOffset? CreatedAt);

internal sealed record ChannelsBody(IReadOnlyList<ChannelBody>? Data);

internal sealed record ChannelBody(string? BroadcasterId, string? Title, string? GameName);

internal sealed record StreamsBody(IReadOnlyList<StreamBody>? Data);

internal sealed record StreamBody(
    string? Id,
    string? UserId,
    string? Type,
    string? Title,
    string? GameName,
    DateTimeOffset? StartedAt);

internal sealed record VideosBody(IReadOnlyList<VideoBody>? Data);

internal sealed record VideoBody(string? Id, string? StreamId, string? Url, DateTimeOffset? CreatedAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ChannelsBody))]
[JsonSerializable(typeof(StreamsBody))]
[JsonSerializable(typeof(VideosBody))]
internal sealed partial class StreamsJsonContext : JsonSerializerContext;
