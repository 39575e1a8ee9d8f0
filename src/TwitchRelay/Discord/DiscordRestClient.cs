using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace TwitchRelay.Discord;

/// <summary>Posts, edits and deletes messages in Discord channels (bot token) and through webhooks. Obeys Discord's
/// rate limits, retries transient failures, and reports every outcome as a <see cref="DiscordResult"/>.</summary>
public sealed class DiscordRestClient
{
    internal const string RouteOptionKey = "TwitchRelay.Discord.Route";
    private const int MaxNonceLength = 25;
    private const string BotTokenRejectedReason = "Discord refused the bot token (401)";

    private readonly HttpClient http;
    private readonly DiscordOptions options;
    private readonly DiscordRateLimiter limiter;
    private readonly DiscordRestTuning tuning;
    private readonly ILogger logger;

    internal DiscordRestClient(
        HttpClient http,
        DiscordOptions options,
        DiscordRateLimiter limiter,
        DiscordRestStats stats,
        DiscordRestTuning tuning,
        ILogger<DiscordRestClient> logger)
    {
        this.http = http;
        this.options = options;
        this.limiter = limiter;
        this.tuning = tuning;
        this.logger = logger;
        Stats = stats;
    }

    /// <summary>Counters shared by every client instance of the service.</summary>
    public DiscordRestStats Stats { get; }

    /// <summary>401, 403 and (non-shared) 429 answers so far; see <see cref="DiscordRestStats"/>.</summary>
    public long InvalidResponseCount => Stats.InvalidResponses;

    /// <summary>Creates a message. For a channel, a <paramref name="nonce"/> (≤ 25 characters) is sent with
    /// <c>enforce_nonce</c>, so a retried POST returns the first message instead of posting twice. Webhooks have no
    /// nonce: it is ignored for them.</summary>
    public Task<DiscordResult> CreateMessageAsync(
        DiscordTarget target,
        string messageJson,
        string? nonce,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageJson);

        var body = target is ChannelTarget && nonce is not null
            ? WithNonce(messageJson, nonce)
            : RequireObject(messageJson);
        return SendAsync(DiscordRoute.Create(target), body, ReadMessageAsync, ct);
    }

    /// <summary>Edits a message this bot or webhook sent. Send <c>allowed_mentions</c> again: an edit re-parses
    /// mentions. https://discord.com/developers/docs/resources/message#edit-message</summary>
    public Task<DiscordResult> EditMessageAsync(
        DiscordTarget target,
        string messageId,
        string messageJson,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(messageJson);
        RequireMessageId(messageId);

        var route = DiscordRoute.ForMessage(HttpMethod.Patch, target, messageId);
        return SendAsync(route, RequireObject(messageJson), ReadMessageAsync, ct);
    }

    /// <summary>Deletes a message this bot or webhook sent. Delivered carries the deleted message's id.</summary>
    public Task<DiscordResult> DeleteMessageAsync(DiscordTarget target, string messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireMessageId(messageId);

        return SendAsync(
            DiscordRoute.ForMessage(HttpMethod.Delete, target, messageId),
            null,
            (_, _, _) => Task.FromResult<DiscordResult>(new DiscordDelivered(messageId)),
            ct);
    }

    /// <summary>Sends one call through the rate limiter, the retries and the error mapping shared by every Discord
    /// route; <paramref name="readSuccessAsync"/> turns a 2xx answer into the caller's result.</summary>
    internal async Task<DiscordResult> SendAsync(
        DiscordRoute route,
        string? body,
        Func<DiscordRoute, HttpResponseMessage, CancellationToken, Task<DiscordResult>> readSuccessAsync,
        CancellationToken ct)
    {
        if (route.UsesBotToken && !options.HasBotToken)
        {
            return Fail(route, new DiscordFailed("Discord:BotToken is not set", null, null));
        }

        for (var attempt = 1; ; attempt++)
        {
            // Checked on every attempt: a concurrent call may have just learned that the token is dead, and reusing
            // it only adds to the invalid-request count that gets the host banned.
            if (route.UsesBotToken && Stats.BotTokenRejected)
            {
                return Fail(route, new DiscordFailed(BotTokenRejectedReason, 401, null));
            }

            await limiter.AcquireAsync(route, ct);
            DiscordRestLog.Sending(logger, route.Method.Method, route.Template, route.MajorId);

            using var request = BuildRequest(route, body);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception ex) when (IsTransient(ex, ct))
            {
                var reason = $"Discord could not be reached: {ex.GetType().Name}";
                DiscordRestLog.RetryLater(
                    logger,
                    route.Method.Method,
                    route.Template,
                    route.MajorId,
                    (long)tuning.TransientRetryLater.TotalMilliseconds,
                    reason,
                    ex);
                return new DiscordRetryLater(tuning.TransientRetryLater, reason);
            }

            using (response)
            {
                limiter.Update(route, response);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    return await MapAsync(route, response, readSuccessAsync, ct);
                }

                var retryLater = await OnRateLimitedAsync(route, response, attempt, ct);
                if (retryLater is not null)
                {
                    return retryLater;
                }
            }
        }
    }

    /// <summary>Handles a 429: waits are taken by the limiter on the next attempt; a long wait or too many 429s are
    /// handed back. https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit</summary>
    private async Task<DiscordRetryLater?> OnRateLimitedAsync(
        DiscordRoute route,
        HttpResponseMessage response,
        int attempt,
        CancellationToken ct)
    {
        var limit = await DiscordRateLimitAnswer.ReadAsync(response, ct);
        if (!limit.IsSharedScope)
        {
            Stats.CountRateLimited();
        }

        if (limit.Global)
        {
            limiter.PauseGlobal(limit.RetryAfter);
        }
        else
        {
            limiter.PauseBucket(route, limit.RetryAfter);
        }

        if (limit.RetryAfter > tuning.LongRetryAfter || attempt > tuning.MaxRateLimitRetries)
        {
            var reason = $"Discord rate limited the call (429, global: {limit.Global}, scope: {limit.Scope ?? "?"})";
            DiscordRestLog.RetryLater(
                logger,
                route.Method.Method,
                route.Template,
                route.MajorId,
                (long)limit.RetryAfter.TotalMilliseconds,
                reason,
                null);
            return new DiscordRetryLater(limit.RetryAfter, reason);
        }

        DiscordRestLog.RateLimited(
            logger,
            route.Method.Method,
            route.Template,
            route.MajorId,
            limit.Global,
            limit.Scope,
            (long)limit.RetryAfter.TotalMilliseconds,
            attempt);
        return null;
    }

    private async Task<DiscordResult> MapAsync(
        DiscordRoute route,
        HttpResponseMessage response,
        Func<DiscordRoute, HttpResponseMessage, CancellationToken, Task<DiscordResult>> readSuccessAsync,
        CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return await readSuccessAsync(route, response, ct);
        }

        if (status >= 500)
        {
            var reason = $"Discord answered {status} after {tuning.MaxTransientRetries + 1} attempts";
            DiscordRestLog.RetryLater(
                logger,
                route.Method.Method,
                route.Template,
                route.MajorId,
                (long)tuning.TransientRetryLater.TotalMilliseconds,
                reason,
                null);
            return new DiscordRetryLater(tuning.TransientRetryLater, reason);
        }

        var error = await DiscordErrorText.ReadAsync(response, ct);
        if (status == 401 && route.UsesBotToken)
        {
            Stats.CountUnauthorized();
            Stats.RejectBotToken();
            DiscordRestLog.BotTokenRejected(logger);
            return Fail(route, new DiscordFailed(BotTokenRejectedReason, 401, error.Code));
        }

        if (status == 401)
        {
            Stats.CountUnauthorized();
        }
        else if (status == 403)
        {
            Stats.CountForbidden();
        }

        return Fail(route, new DiscordFailed(DiscordErrorText.Describe(route, status, error), status, error.Code));
    }

    private async Task<DiscordResult> ReadMessageAsync(
        DiscordRoute route,
        HttpResponseMessage response,
        CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        var message = TryReadMessage(text);
        return message?.Id is { } id && Snowflake.IsValid(id)
            ? new DiscordDelivered(id)
            : Fail(route, new DiscordFailed(
                $"Discord answered {(int)response.StatusCode} without a message id",
                (int)response.StatusCode,
                null));
    }

    private static DiscordMessageBody? TryReadMessage(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordMessageBody);
        }
        catch (JsonException)
        {
            // The caller reports a 2xx without a readable message as a failure that names the status.
            return null;
        }
    }

    internal DiscordFailed Fail(DiscordRoute route, DiscordFailed failed)
    {
        DiscordRestLog.Failed(
            logger,
            route.Method.Method,
            route.Template,
            route.MajorId,
            failed.HttpStatus,
            failed.DiscordCode,
            failed.Reason);
        return failed;
    }

    private HttpRequestMessage BuildRequest(DiscordRoute route, string? body)
    {
        // The host is always ApiBaseUrl: the path is built from validated ids and tokens, never from a user's URL.
        var request = new HttpRequestMessage(route.Method, new Uri(options.ApiBaseUrl.TrimEnd('/') + route.Path));
        request.Options.Set(new HttpRequestOptionsKey<string>(RouteOptionKey), route.Template);
        if (route.UsesBotToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
        }

        if (route.AuditLogReason is { } reason)
        {
            // The header is URL-encoded UTF-8, 1-512 characters.
            // https://discord.com/developers/docs/resources/audit-log
            request.Headers.TryAddWithoutValidation("X-Audit-Log-Reason", Uri.EscapeDataString(reason));
        }

        if (body is not null)
        {
            // https://discord.com/developers/docs/reference#http-api (Content-Type must be application/json)
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private static bool IsTransient(Exception ex, CancellationToken ct) =>
        ex is HttpRequestException or TimeoutRejectedException
        || (ex is OperationCanceledException && !ct.IsCancellationRequested);

    // https://discord.com/developers/docs/resources/message#create-message (nonce, enforce_nonce)
    private static string WithNonce(string messageJson, string nonce)
    {
        if (nonce.Length is 0 or > MaxNonceLength)
        {
            throw new ArgumentException($"A nonce must be 1-{MaxNonceLength} characters.", nameof(nonce));
        }

        var message = ParseObject(messageJson);
        message["nonce"] = nonce;
        message["enforce_nonce"] = true;
        return message.ToJsonString();
    }

    private static string RequireObject(string messageJson)
    {
        ParseObject(messageJson);
        return messageJson;
    }

    private static JsonObject ParseObject(string messageJson)
    {
        try
        {
            return JsonNode.Parse(messageJson) as JsonObject
                ?? throw new ArgumentException("messageJson must be a JSON object.", nameof(messageJson));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("messageJson is not valid JSON.", nameof(messageJson), ex);
        }
    }

    private static void RequireMessageId(string messageId)
    {
        if (!Snowflake.IsValid(messageId))
        {
            throw new ArgumentException("messageId must be a Discord snowflake (1-20 digits).", nameof(messageId));
        }
    }
}
