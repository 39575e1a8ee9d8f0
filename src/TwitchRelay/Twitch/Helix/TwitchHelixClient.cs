using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TwitchRelay.Twitch.OAuth;

namespace TwitchRelay.Twitch.Helix;

/// <summary>The Helix endpoints the relay uses: Get Users and EventSub subscriptions, on
/// <see cref="TwitchOptions.ApiBaseUrl"/>. Every call sends <c>Authorization: Bearer</c> and <c>Client-Id</c>;
/// a 401 is <see cref="HelixUnauthorized{T}"/>, an empty rate-limit bucket is waited out once.
/// https://dev.twitch.tv/docs/api/reference/</summary>
public sealed partial class TwitchHelixClient
{
    /// <summary>Get Users takes at most 100 ids and logins. https://dev.twitch.tv/docs/api/reference/#get-users
    /// </summary>
    public const int MaxUsersPerRequest = 100;

    private readonly HttpClient http;
    private readonly IOptions<TwitchOptions> options;
    private readonly TimeProvider time;
    private readonly TwitchHttpTuning tuning;
    private readonly ILogger logger;

    public TwitchHelixClient(
        HttpClient http,
        IOptions<TwitchOptions> options,
        TimeProvider time,
        ILogger<TwitchHelixClient> logger)
        : this(http, options, time, new TwitchHttpTuning(), logger)
    {
    }

    internal TwitchHelixClient(
        HttpClient http,
        IOptions<TwitchOptions> options,
        TimeProvider time,
        TwitchHttpTuning tuning,
        ILogger<TwitchHelixClient> logger)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.tuning = tuning;
        this.logger = logger;
    }

    /// <summary>The user the token belongs to (Get Users without parameters); null if Twitch returns nobody.</summary>
    public async Task<HelixResult<TwitchUser?>> GetCurrentUserAsync(string userToken, CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Get, "/users", "", userToken, null, ct);
        if (answer.Status != 200)
        {
            return Error<TwitchUser?>(answer);
        }

        return Read(answer, HelixJsonContext.Default.UsersBody) is { } body
            ? new HelixOk<TwitchUser?>(ToUsers(body).FirstOrDefault())
            : Unreadable<TwitchUser?>(answer);
    }

    /// <summary>Users by login (at most <see cref="MaxUsersPerRequest"/>); unknown logins are simply absent.
    /// </summary>
    public async Task<HelixResult<IReadOnlyList<TwitchUser>>> GetUsersByLoginAsync(
        string token,
        IEnumerable<string> logins,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(logins);
        var distinct = logins.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        if (distinct.Count > MaxUsersPerRequest)
        {
            throw new ArgumentException($"Get Users takes at most {MaxUsersPerRequest} logins.", nameof(logins));
        }

        // Without parameters Get Users answers the token's own user, which is not what an empty list asks for.
        if (distinct.Count == 0)
        {
            return new HelixOk<IReadOnlyList<TwitchUser>>([]);
        }

        var query = "?" + string.Join('&', distinct.Select(l => "login=" + Uri.EscapeDataString(l)));
        var answer = await SendAsync(HttpMethod.Get, "/users", query, token, null, ct);
        if (answer.Status != 200)
        {
            return Error<IReadOnlyList<TwitchUser>>(answer);
        }

        return Read(answer, HelixJsonContext.Default.UsersBody) is { } body
            ? new HelixOk<IReadOnlyList<TwitchUser>>(ToUsers(body))
            : Unreadable<IReadOnlyList<TwitchUser>>(answer);
    }

    private static List<TwitchUser> ToUsers(UsersBody body) =>
    [
        .. (body.Data ?? [])
            .Where(u => !string.IsNullOrEmpty(u.Id))
            .Select(u => new TwitchUser(
                u.Id!,
                u.Login ?? "",
                u.DisplayName ?? u.Login ?? "",
                u.BroadcasterType ?? "",
                string.IsNullOrEmpty(u.ProfileImageUrl) ? null : u.ProfileImageUrl)),
    ];

    /// <summary>Sends one call; a 429 from an empty bucket is waited out (until Ratelimit-Reset, on the
    /// TimeProvider) and sent once more. https://dev.twitch.tv/docs/api/guide/#twitch-rate-limits</summary>
    private async Task<HelixAnswer> SendAsync(
        HttpMethod method,
        string path,
        string query,
        string token,
        Func<HttpContent>? content,
        CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var clientId = TwitchCredentials.ClientId(options.Value);

        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, options.Value.ApiBaseUrl.TrimEnd('/') + path + query);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.TryAddWithoutValidation("Client-Id", clientId);
            request.Content = content?.Invoke();

            HelixLog.Sending(logger, method.Method, path);
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(ct);
            HelixLog.Answered(logger, method.Method, path, status);

            var limit = HelixRateLimit.Read(response);
            if (status != 429 || attempt > 1 || !limit.IsExhausted)
            {
                return new HelixAnswer(method.Method, path, status, body);
            }

            var wait = limit.Reset is { } reset ? reset - time.GetUtcNow() : tuning.UnknownResetWait;
            if (wait > tuning.MaxRateLimitWait)
            {
                return new HelixAnswer(method.Method, path, status, body);
            }

            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            HelixLog.RateLimited(logger, method.Method, path, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, time, ct);
        }
    }

    private HelixResult<T> Error<T>(HelixAnswer answer)
    {
        var message = TwitchErrorText.Read(answer.Body, answer.Status);
        HelixLog.Failed(logger, answer.Method, answer.Path, answer.Status, message);
        return answer.Status == 401
            ? new HelixUnauthorized<T>(message)
            : new HelixFailed<T>(answer.Status, message);
    }

    private HelixResult<T> Unreadable<T>(HelixAnswer answer)
    {
        var message = $"Twitch answered {answer.Status} with a body that is not the documented JSON";
        HelixLog.Failed(logger, answer.Method, answer.Path, answer.Status, message);
        return new HelixFailed<T>(answer.Status, message);
    }

    private static T? Read<T>(HelixAnswer answer, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(answer.Body, type);
        }
        catch (JsonException)
        {
            // The caller turns an unreadable body into HelixFailed naming the status.
            return null;
        }
    }

    private sealed record HelixAnswer(string Method, string Path, int Status, string Body);
}
