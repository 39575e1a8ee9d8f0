using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TwitchRelay.Fakes.Discord;

/// <summary>The request pipeline, in Discord's order: user agent, authorization, scripted faults, rate limits, the
/// resource, the body.</summary>
public sealed partial class FakeDiscord
{
    private const string ApiPrefix = "/api/v10/";

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref busyRequests);
        var recorded = await RecordAsync(context);
        try
        {
            var answer = await AnswerAsync(context, recorded);
            await WriteAsync(context, answer);
            recorded.Status = answer.Status;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            recorded.Status = StatusCodes.Status499ClientClosedRequest;
        }
        finally
        {
            Interlocked.Decrement(ref busyRequests);
            lock (gate)
            {
                SignalChanged();
            }
        }
    }

    private async Task<RecordedDiscordRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new RecordedDiscordRequest
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Query = context.Request.QueryString.Value ?? "",
            Headers = context.Request.Headers.ToDictionary(
                h => h.Key,
                h => h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            Body = body,
            Time = options.TimeProvider.GetUtcNow(),
        };
        lock (gate)
        {
            requests.Add(recorded);
            SignalChanged();
        }

        return recorded;
    }

    private async Task<FakeDiscordAnswer> AnswerAsync(HttpContext context, RecordedDiscordRequest request)
    {
        if (AnswerOAuth(request) is { } oauth)
        {
            return oauth;
        }

        // https://discord.com/developers/docs/reference#user-agent
        if (request.Header("User-Agent")?.StartsWith("DiscordBot (", StringComparison.Ordinal) != true)
        {
            return FakeDiscordAnswer.Error(400, 0, "400: Bad Request (User-Agent must be 'DiscordBot (url, version)')");
        }

        var route = FakeDiscordRoute.Parse(request.Method, request.Path);
        if (route is null)
        {
            return FakeDiscordAnswer.Error(404, 0, "404: Not Found");
        }

        if (!route.MethodAllowed)
        {
            return FakeDiscordAnswer.Error(405, 0, "405: Method Not Allowed");
        }

        // Bot routes need "Bot <token>"; webhook routes carry their secret in the path.
        if (route.WebhookToken is null && request.Header("Authorization") != $"Bot {options.BotToken}")
        {
            return FakeDiscordAnswer.Error(401, 0, "401: Unauthorized");
        }

        var scripted = await ApplyFaultAsync(context, request, route);
        if (scripted is not null)
        {
            return scripted;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var limited = limits.TryTake(route.Bucket, route.MajorId, options.TimeProvider.GetUtcNow(), headers);
        var answer = limited ?? HandleRoute(request, route);
        return answer.WithHeaders(headers);
    }

    private async Task<FakeDiscordAnswer?> ApplyFaultAsync(
        HttpContext context,
        RecordedDiscordRequest request,
        FakeDiscordRoute route)
    {
        FakeDiscordFault? fault;
        lock (gate)
        {
            fault = faults.FirstOrDefault(f => f.Remaining > 0 && f.Matches(request, route.MajorId));
            if (fault is not null)
            {
                fault.Remaining--;
            }
        }

        if (fault?.Delay is { } delay)
        {
            // Parked: not busy, so a test's clock driver may advance time past the client's timeout.
            Interlocked.Decrement(ref busyRequests);
            try
            {
                await Task.Delay(delay, options.TimeProvider, context.RequestAborted);
            }
            finally
            {
                Interlocked.Increment(ref busyRequests);
            }

            return null;
        }

        if (fault?.RetryAfter is { } retryAfter)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            return FakeDiscordRateLimits.TooMany(retryAfter, fault.Global, route.Bucket, headers);
        }

        return fault?.Status is { } status
            ? FakeDiscordAnswer.Error(status, 0, $"{status}: Scripted failure")
            : null;
    }

    private FakeDiscordAnswer HandleRoute(RecordedDiscordRequest request, FakeDiscordRoute route)
    {
        if (route.Interaction is { } interaction)
        {
            return HandleInteraction(request, interaction);
        }

        if (route.Resource is { } resource)
        {
            return HandleResource(resource, request.Query);
        }

        JsonObject? body = null;
        if (request.Method is "POST" or "PATCH")
        {
            // https://discord.com/developers/docs/reference#http-api: a body must be JSON, form or multipart.
            var contentType = request.Header("Content-Type") ?? "";
            if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body", new JsonObject
                {
                    ["_errors"] = new JsonArray(new JsonObject
                    {
                        ["code"] = "CONTENT_TYPE_INVALID",
                        ["message"] = "Expected \"Content-Type\" header to be one of {'application/json', "
                            + "'application/x-www-form-urlencoded', 'multipart/form-data'}.",
                    }),
                });
            }

            body = ParseBody(request.Body);
            if (body is null)
            {
                return FakeDiscordAnswer.Error(400, 50109, "The request body contains invalid JSON.");
            }
        }

        lock (gate)
        {
            var state = ResolveTarget(route);
            if (state.Error is not null)
            {
                return state.Error;
            }

            if (request.Method == "GET")
            {
                // Get Webhook with Token: https://discord.com/developers/docs/resources/webhook#get-webhook-with-token
                return FakeDiscordAnswer.Ok(new JsonObject
                {
                    ["id"] = route.MajorId,
                    ["type"] = 1,
                    ["guild_id"] = GuildOfChannel(state.ChannelId!)?.Id,
                    ["channel_id"] = state.ChannelId,
                    ["name"] = "Stream alerts",
                });
            }

            if (body is not null && FakeMessageRules.Check(body, isCreate: route.MessageId is null) is { } invalid)
            {
                return invalid;
            }

            return route.MessageId is null
                ? Create(route, state.ChannelId!, body!, request.Query)
                : Change(route, state.ChannelId!, route.MessageId, body);
        }
    }

    private static JsonObject? ParseBody(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // Invalid JSON: the caller answers 50109 as Discord does.
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeDiscordAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json, context.RequestAborted);
        }
    }
}
