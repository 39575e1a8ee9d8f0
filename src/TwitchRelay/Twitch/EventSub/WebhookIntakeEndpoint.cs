using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using TwitchRelay.Storage;

namespace TwitchRelay.Twitch.EventSub;

/// <summary><c>POST /twitch/eventsub</c>: verifies a webhook message, stores it, answers. Nothing else happens on
/// this path; parsing, rendering and Discord run later from the database.
/// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/</summary>
public static partial class WebhookIntakeEndpoint
{
    public const string Path = "/twitch/eventsub";

    /// <summary>Twitch's bodies are a few KB; anything near this is not from Twitch.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Older or newer messages are refused as replays
    /// (https://dev.twitch.tv/docs/eventsub/#guarding-against-replay-attacks).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapEventSubWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        EventSubSecretSource secrets,
        InboxWriter inbox,
        IntakeMetrics metrics,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(WebhookIntakeEndpoint));
        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            metrics.Refused("too_large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = context.Request.Headers;
        string messageId = headers[EventSubHeaders.MessageId].ToString();
        string timestamp = headers[EventSubHeaders.MessageTimestamp].ToString();
        string signature = headers[EventSubHeaders.MessageSignature].ToString();
        string messageType = headers[EventSubHeaders.MessageType].ToString();
        if (messageId.Length is 0 or > 128 || timestamp.Length == 0 || signature.Length == 0 || messageType.Length == 0)
        {
            return Refuse(logger, metrics, "missing_header", messageId);
        }

        if (!EventSubSignature.IsValid(secrets.Secret, messageId, timestamp, body, signature))
        {
            return Refuse(logger, metrics, "bad_signature", messageId);
        }

        if (!EventSubTimestamp.TryParse(timestamp, out var sentAt)
            || (time.GetUtcNow() - sentAt).Duration() > MaxClockSkew)
        {
            return Refuse(logger, metrics, "stale_timestamp", messageId);
        }

        if (messageType == EventSubMessageTypes.Verification)
        {
            return AnswerChallenge(body, logger, metrics, messageId);
        }

        var entry = new InboxEntry(
            messageId,
            messageType,
            headers[EventSubHeaders.SubscriptionType].ToString(),
            headers[EventSubHeaders.SubscriptionVersion].ToString(),
            sentAt,
            Encoding.UTF8.GetString(body));
        var isNew = await inbox.AppendAsync(entry, context.RequestAborted);
        metrics.Accepted(isNew);
        LogStored(logger, messageId, messageType, entry.SubscriptionType, isNew);
        return Results.NoContent();
    }

    /// <summary>Reads the raw bytes (the signature covers them exactly); null when over the limit.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        var stream = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            int read;
            try
            {
                read = await stream.ReadAsync(memory, context.RequestAborted);
            }
            catch (BadHttpRequestException exception)
                when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return null;
            }

            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return null;
            }
        }
    }

    /// <summary>Echo the challenge as the whole body, as plain text
    /// (https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request).</summary>
    private static IResult AnswerChallenge(byte[] body, ILogger logger, IntakeMetrics metrics, string messageId)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("challenge", out var challenge)
                && challenge.ValueKind == JsonValueKind.String)
            {
                metrics.Challenged();
                LogChallenge(logger, messageId);
                return Results.Text(challenge.GetString(), "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
            }
        }
        catch (JsonException)
        {
            // Falls through to the 400 below: a signed but malformed challenge.
        }

        metrics.Refused("bad_challenge");
        return Results.BadRequest();
    }

    private static IResult Refuse(ILogger logger, IntakeMetrics metrics, string reason, string messageId)
    {
        metrics.Refused(reason);
        LogRefused(logger, reason, messageId);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug,
        Message = "Refused an EventSub request ({Reason}), message id '{MessageId}'")]
    private static partial void LogRefused(ILogger logger, string reason, string messageId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug,
        Message = "Stored EventSub {MessageType} {MessageId} ({SubscriptionType}); new: {IsNew}")]
    private static partial void LogStored(
        ILogger logger, string messageId, string messageType, string subscriptionType, bool isNew);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information,
        Message = "Answered the EventSub callback challenge of message {MessageId}")]
    private static partial void LogChallenge(ILogger logger, string messageId);
}
