using Microsoft.Extensions.Options;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Twitch.Streams;

/// <summary>Reads title, game, avatar and VODs with the app token (none of these endpoints needs a scope:
/// https://dev.twitch.tv/docs/api/reference/#get-channel-information). Never throws for Twitch's sake: without
/// Twitch credentials, or when Twitch fails or is slow, the answer is empty and the post goes out without.</summary>
public sealed partial class HelixStreamInfo(
    TwitchHelixClient helix,
    TwitchCalls calls,
    IOptions<TwitchOptions> options,
    TimeProvider time,
    ILogger<HelixStreamInfo> logger) : IStreamInfoSource
{
    /// <summary>A go-live post waits at most this long for Twitch before it is posted without title and game.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private bool HasCredentials =>
        !string.IsNullOrWhiteSpace(options.Value.ClientId) && !string.IsNullOrWhiteSpace(options.Value.ClientSecret);

    public async Task<IReadOnlyDictionary<string, StreamInfo>> GetInfoAsync(
        IReadOnlyCollection<string> broadcasterIds,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StreamInfo>(StringComparer.Ordinal);
        if (broadcasterIds.Count == 0 || !HasCredentials)
        {
            return found;
        }

        using var patience = new CancellationTokenSource(Patience, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, patience.Token);
        try
        {
            var users = await calls.AsAppAsync(
                (token, ct) => helix.GetUsersByIdAsync(token, broadcasterIds, ct),
                linked.Token);
            var avatars = users is HelixOk<IReadOnlyList<TwitchUser>> ok
                ? ok.Value.ToDictionary(x => x.Id, x => x.ProfileImageUrl)
                : [];
            foreach (var id in broadcasterIds)
            {
                var channel = await calls.AsAppAsync((token, ct) => helix.GetChannelAsync(token, id, ct), linked.Token);
                var known = channel is HelixOk<TwitchChannel?> { Value: { } c } ? c : null;
                LogIfFailed(id, channel);
                found[id] = new StreamInfo(
                    NullIfEmpty(known?.Title),
                    NullIfEmpty(known?.GameName),
                    avatars.GetValueOrDefault(id));
            }
        }
        catch (Exception exception) when (Unreachable(exception, cancellationToken))
        {
            LogUnreachable(string.Join(",", broadcasterIds), exception);
        }

        return found;
    }

    public async Task<IReadOnlyDictionary<string, string>?> GetLiveStreamsAsync(
        IReadOnlyCollection<string> broadcasterIds,
        CancellationToken cancellationToken)
    {
        if (!HasCredentials)
        {
            return null;
        }

        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in broadcasterIds.Chunk(TwitchHelixClient.MaxUsersPerRequest))
            {
                var result = await calls.AsAppAsync((t, ct) => helix.GetStreamsAsync(t, chunk, ct), cancellationToken);
                if (result is not HelixOk<IReadOnlyList<TwitchLiveStream>> ok)
                {
                    LogStreamsFailed(result.ToString());
                    return null;
                }

                foreach (var stream in ok.Value)
                {
                    live[stream.UserId] = stream.Id;
                }
            }
        }
        catch (Exception exception) when (Unreachable(exception, cancellationToken))
        {
            LogUnreachable(string.Join(",", broadcasterIds), exception);
            return null;
        }

        return live;
    }

    public async Task<string?> FindVodAsync(
        string broadcasterId,
        IReadOnlyList<string> streamIds,
        DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        if (!HasCredentials)
        {
            return null;
        }

        try
        {
            var result = await calls.AsAppAsync(
                (token, ct) => helix.GetArchivesAsync(token, broadcasterId, ct),
                cancellationToken);
            if (result is not HelixOk<IReadOnlyList<TwitchVideo>> ok)
            {
                LogVodLookupFailed(broadcasterId, result.ToString());
                return null;
            }

            var match = ok.Value.FirstOrDefault(v => v.StreamId is { } id && streamIds.Contains(id))
                ?? ok.Value.FirstOrDefault(v => string.IsNullOrEmpty(v.StreamId) && v.CreatedAt >= startedAt);
            return match?.Url;
        }
        catch (Exception exception) when (Unreachable(exception, cancellationToken))
        {
            LogUnreachable(broadcasterId, exception);
            return null;
        }
    }

    private void LogIfFailed(string broadcasterId, HelixResult<TwitchChannel?> result)
    {
        if (result is not HelixOk<TwitchChannel?>)
        {
            LogInfoFailed(broadcasterId, result.ToString());
        }
    }

    // Twitch down, slow or refusing the app token is no reason to hold back the alert; the caller stopping is.
    private static bool Unreachable(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or InvalidOperationException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning,
        Message = "Twitch did not give the title and game of {BroadcasterId} ({Result}); posting without them")]
    private partial void LogInfoFailed(string broadcasterId, string result);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Twitch could not be asked about {BroadcasterIds}; posting without title, game or avatar")]
    private partial void LogUnreachable(string broadcasterIds, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Twitch did not list the VODs of {BroadcasterId} ({Result}); will ask again")]
    private partial void LogVodLookupFailed(string broadcasterId, string result);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Could not ask Twitch which channels are live (Get Streams): {Result}")]
    private partial void LogStreamsFailed(string result);
}
