using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Records each request, routes it to the OAuth or Helix handlers under the lock, and writes the answer.
/// </summary>
public sealed partial class FakeTwitch
{
    private readonly List<(Func<RecordedTwitchRequest, bool> Matches, int Status, int Remaining)> faults = [];

    /// <summary>The next <paramref name="count"/> requests whose path contains <paramref name="pathContains"/>
    /// (any request when null) answer <paramref name="status"/> before any rule is checked.</summary>
    public void FailNext(int status = 503, int count = 1, string? pathContains = null) =>
        Change(() => faults.Add((
            r => pathContains is null || r.Path.Contains(pathContains, StringComparison.Ordinal),
            status,
            count)));

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordAsync(context);
        FakeTwitchAnswer answer;
        lock (gate)
        {
            answer = ScriptedFault(recorded) ?? Route(recorded);
            recorded.Status = answer.Status;
            SignalChanged();
        }

        await WriteAsync(context, answer);
    }

    private FakeTwitchAnswer Route(RecordedTwitchRequest request) =>
        (request.Method, request.Path.TrimEnd('/')) switch
        {
            ("GET", "/oauth2/authorize") => Authorize(request),
            ("POST", "/oauth2/token") => Token(request),
            ("GET", "/oauth2/validate") => Validate(request),
            ("POST", "/oauth2/revoke") => Revoke(request),
            (_, var path) when path.StartsWith("/helix/", StringComparison.Ordinal) => Helix(request),
            _ => FakeTwitchAnswer.OAuthError(404, "Not Found"),
        };

    private FakeTwitchAnswer? ScriptedFault(RecordedTwitchRequest request)
    {
        var index = faults.FindIndex(f => f.Remaining > 0 && f.Matches(request));
        if (index < 0)
        {
            return null;
        }

        var fault = faults[index];
        faults[index] = fault with { Remaining = fault.Remaining - 1 };
        return FakeTwitchAnswer.HelixError(fault.Status, "Scripted failure");
    }

    private async Task<RecordedTwitchRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var isForm = context.Request.ContentType?.StartsWith(
            "application/x-www-form-urlencoded",
            StringComparison.OrdinalIgnoreCase) == true;
        var recorded = new RecordedTwitchRequest
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Query = context.Request.QueryString.Value ?? "",
            Headers = context.Request.Headers.ToDictionary(
                h => h.Key,
                h => h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            Body = body,
            Form = isForm
                ? QueryHelpers.ParseQuery(body)
                    .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            Time = time.GetUtcNow(),
        };
        lock (gate)
        {
            requests.Add(recorded);
            SignalChanged();
        }

        return recorded;
    }

    private static async Task WriteAsync(HttpContext context, FakeTwitchAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Location is not null)
        {
            context.Response.Headers.Location = answer.Location;
        }

        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json, context.RequestAborted);
        }
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> QueryOf(
        RecordedTwitchRequest request) =>
        QueryHelpers.ParseQuery(request.Query);
}
