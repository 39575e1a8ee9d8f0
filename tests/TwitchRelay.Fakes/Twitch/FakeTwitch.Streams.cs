using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Channels, live streams and archives: Get Channel Information, Get Streams and Get Videos, as Twitch
/// answers them (https://dev.twitch.tv/docs/api/reference/). Any valid token may read them (no scope).</summary>
public sealed partial class FakeTwitch
{
    private readonly Dictionary<string, (string Title, string Game)> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTwitchStream> liveStreams = new(StringComparer.Ordinal);
    private readonly List<FakeTwitchVideo> videos = [];

    /// <summary>Sets the title and game Get Channel Information reports for a user.</summary>
    public void SetChannel(string userId, string title, string game) =>
        Change(() =>
        {
            RequireUser(userId);
            channels[userId] = (title, game);
        });

    /// <summary>The user is live (Get Streams lists them) with this stream id, and the channel's title and game.
    /// </summary>
    public void GoLive(string userId, string streamId, DateTimeOffset startedAt) =>
        Change(() =>
        {
            RequireUser(userId);
            liveStreams[userId] = new FakeTwitchStream(streamId, userId, startedAt);
        });

    /// <summary>The user's stream ended: Get Streams no longer lists it.</summary>
    public void EndStream(string userId) => Change(() => liveStreams.Remove(userId));

    /// <summary>Adds an archive (past broadcast) of <paramref name="streamId"/> to Get Videos; returns its URL.
    /// </summary>
    public string AddArchive(string userId, string streamId, string videoId, DateTimeOffset createdAt)
    {
        var url = $"https://www.twitch.tv/videos/{videoId}";
        Change(() => videos.Insert(0, new FakeTwitchVideo(videoId, userId, streamId, url, createdAt)));
        return url;
    }

    // https://dev.twitch.tv/docs/api/reference/#get-channel-information
    private FakeTwitchAnswer GetChannels(RecordedTwitchRequest request)
    {
        var ids = QueryOf(request).GetValueOrDefault("broadcaster_id").OfType<string>().Where(v => v.Length > 0)
            .ToList();
        if (ids.Count is 0 or > 100)
        {
            return FakeTwitchAnswer.HelixError(400, "Missing required parameter \"broadcaster_id\"");
        }

        var data = new JsonArray();
        foreach (var id in ids.Where(users.ContainsKey))
        {
            var user = users[id];
            var (title, game) = channels.GetValueOrDefault(id, ("", ""));
            data.Add(new JsonObject
            {
                ["broadcaster_id"] = id,
                ["broadcaster_login"] = user.Login,
                ["broadcaster_name"] = user.DisplayName,
                ["broadcaster_language"] = "en",
                ["game_id"] = game.Length == 0 ? "" : "509658",
                ["game_name"] = game,
                ["title"] = title,
                ["delay"] = 0,
                ["tags"] = new JsonArray(),
                ["content_classification_labels"] = new JsonArray(),
                ["is_branded_content"] = false,
            });
        }

        return FakeTwitchAnswer.Ok(new JsonObject { ["data"] = data });
    }

    // https://dev.twitch.tv/docs/api/reference/#get-streams
    private FakeTwitchAnswer GetStreams(RecordedTwitchRequest request)
    {
        var ids = QueryOf(request).GetValueOrDefault("user_id").Where(v => !string.IsNullOrEmpty(v)).ToList();
        if (ids.Count > 100)
        {
            return FakeTwitchAnswer.HelixError(400, "The number of user_id parameters must not exceed 100");
        }

        var data = new JsonArray();
        foreach (var stream in liveStreams.Values.Where(s => ids.Count == 0 || ids.Contains(s.UserId)))
        {
            var user = users[stream.UserId];
            var (title, game) = channels.GetValueOrDefault(stream.UserId, ("", ""));
            data.Add(new JsonObject
            {
                ["id"] = stream.Id,
                ["user_id"] = user.Id,
                ["user_login"] = user.Login,
                ["user_name"] = user.DisplayName,
                ["game_id"] = game.Length == 0 ? "" : "509658",
                ["game_name"] = game,
                ["type"] = "live",
                ["title"] = title,
                ["viewer_count"] = 42,
                ["started_at"] = Rfc3339(stream.StartedAt),
                ["language"] = "en",
                ["thumbnail_url"] =
                    $"https://static-cdn.jtvnw.net/previews-ttv/live_user_{user.Login}-{{width}}x{{height}}.jpg",
                ["tags"] = new JsonArray(),
                ["is_mature"] = false,
            });
        }

        return FakeTwitchAnswer.Ok(new JsonObject { ["data"] = data, ["pagination"] = new JsonObject() });
    }

    // https://dev.twitch.tv/docs/api/reference/#get-videos
    private FakeTwitchAnswer GetVideos(RecordedTwitchRequest request)
    {
        var query = QueryOf(request);
        var userId = query.GetValueOrDefault("user_id").ToString();
        var type = query.GetValueOrDefault("type").ToString();
        if (string.IsNullOrEmpty(userId) && query.GetValueOrDefault("id").Count == 0
            && query.GetValueOrDefault("game_id").Count == 0)
        {
            return FakeTwitchAnswer.HelixError(400, "Missing required parameter \"id\", \"user_id\" or \"game_id\"");
        }

        var first = int.TryParse(query.GetValueOrDefault("first").ToString(), out var n) ? n : 20;
        var data = new JsonArray();
        foreach (var video in videos
            .Where(v => v.UserId == userId && (type is "" or "all" or "archive"))
            .OrderByDescending(v => v.CreatedAt)
            .Take(first))
        {
            data.Add(new JsonObject
            {
                ["id"] = video.Id,
                ["stream_id"] = video.StreamId,
                ["user_id"] = video.UserId,
                ["url"] = video.Url,
                ["type"] = "archive",
                ["created_at"] = Rfc3339(video.CreatedAt),
                ["published_at"] = Rfc3339(video.CreatedAt),
                ["duration"] = "1h2m3s",
            });
        }

        return FakeTwitchAnswer.Ok(new JsonObject { ["data"] = data, ["pagination"] = new JsonObject() });
    }

    private static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record FakeTwitchStream(string Id, string UserId, DateTimeOffset StartedAt);

    private sealed record FakeTwitchVideo(
        string Id,
        string UserId,
        string StreamId,
        string Url,
        DateTimeOffset CreatedAt);
}
