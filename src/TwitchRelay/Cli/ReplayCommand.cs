using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Cli;

/// <summary><c>replay [--url URL] PATH…</c>: signs EventSub bodies with the configured secret, as Twitch would
/// (fresh message id and timestamp), and posts them to a running service. Files without an <c>event</c> and with a
/// non-enabled subscription status are sent as revocations; other JSON files (transport examples) are skipped.
/// </summary>
internal static class ReplayCommand
{
    public const string DefaultUrl = "http://localhost:5080" + WebhookIntakeEndpoint.Path;

    public static Command Create(CliContext cli)
    {
        var url = new Option<string>("--url")
        {
            Description = $"The service's EventSub endpoint (default {DefaultUrl}).",
            DefaultValueFactory = _ => DefaultUrl,
        };
        url.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--url must be an absolute http(s) URL, got '{value}'.");
            }
        });
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Notification files, or folders to read *.json from (recursively).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("replay", "Sign notification files and post them to a running service.");
        command.Options.Add(url);
        command.Arguments.Add(paths);
        command.SetAction((parse, token) => ToolHost.RunAsync(
            cli,
            (services, ct) => ReplayAsync(cli, services, new Uri(parse.GetValue(url)!), parse.GetValue(paths)!, ct),
            token));
        return command;
    }

    private static async Task<int> ReplayAsync(
        CliContext cli,
        IServiceProvider services,
        Uri url,
        string[] paths,
        CancellationToken token)
    {
        var secrets = services.GetRequiredService<EventSubSecretSource>();
        await secrets.LoadAsync(token);
        var files = ExpandPaths(paths, cli);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        int sent = 0, refused = 0, skipped = 0;
        foreach (var file in files)
        {
            var body = await File.ReadAllBytesAsync(file, token);
            var kind = Classify(body);
            if (kind is null)
            {
                skipped++;
                continue;
            }

            int status;
            try
            {
                status = await PostAsync(http, url, secrets.Secret.ToArray(), kind.Value, body, token);
            }
            catch (HttpRequestException exception)
            {
                await cli.Error.WriteLineAsync($"Could not reach {url}: {exception.Message}. "
                    + "Is the service running (dotnet run --project src/TwitchRelay)?");
                return ExitCodes.Failed;
            }

            var ok = status is >= 200 and < 300;
            sent += ok ? 1 : 0;
            refused += ok ? 0 : 1;
            await cli.Out.WriteLineAsync($"{(ok ? "sent   " : "REFUSED")} {status} {kind.Value.MessageType,-12} "
                + $"{kind.Value.Type} v{kind.Value.Version}  {Path.GetFileName(file)}");
        }

        await cli.Out.WriteLineAsync($"{sent} sent, {refused} refused, {skipped} skipped (not a notification)");
        if (refused > 0)
        {
            await cli.Error.WriteLineAsync("A 403 means the service has another EventSub secret: run replay from the "
                + "service's folder, with the same Twitch__EventSubSecret (and Storage settings) as the service.");
        }

        return refused == 0 && sent > 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static List<string> ExpandPaths(string[] paths, CliContext cli)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .OrderBy(LifecycleRank)
                    .ThenBy(x => x, StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                cli.Error.WriteLine($"{path}: no such file or folder");
            }
        }

        return files;
    }

    internal readonly record struct MessageKind(string MessageType, string Type, string Version);

    /// <summary>What Twitch would have sent this body as, or null for files that are not EventSub bodies.</summary>
    internal static MessageKind? Classify(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("subscription", out var subscription)
                || subscription.ValueKind != JsonValueKind.Object
                || !subscription.TryGetProperty("type", out var type)
                || !subscription.TryGetProperty("version", out var version))
            {
                return null;
            }

            var hasEvent = root.TryGetProperty("event", out var evt) && evt.ValueKind == JsonValueKind.Object;
            var status = subscription.TryGetProperty("status", out var s) ? s.GetString() : null;
            var messageType = hasEvent ? EventSubMessageTypes.Notification
                : status is not null && status != "enabled" ? EventSubMessageTypes.Revocation
                : null;
            return messageType is null ? null : new MessageKind(messageType, type.GetString()!, version.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<int> PostAsync(
        HttpClient http,
        Uri url,
        byte[] secret,
        MessageKind kind,
        byte[] body,
        CancellationToken token)
    {
        var messageId = Guid.NewGuid().ToString();
        var timestamp = EventSubTimestamp.Format(DateTimeOffset.UtcNow);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(EventSubHeaders.MessageId, messageId);
        request.Headers.Add(EventSubHeaders.MessageRetry, "0");
        request.Headers.Add(EventSubHeaders.MessageType, kind.MessageType);
        request.Headers.Add(EventSubHeaders.MessageTimestamp, timestamp);
        request.Headers.Add(EventSubHeaders.SubscriptionType, kind.Type);
        request.Headers.Add(EventSubHeaders.SubscriptionVersion, kind.Version);
        request.Headers.Add(
            EventSubHeaders.MessageSignature,
            EventSubSignature.Compute(secret, messageId, timestamp, body));
        using var response = await http.SendAsync(request, token);
        return (int)response.StatusCode;
    }

    /// <summary>A folder is replayed in the order a channel lives it, not the alphabet's: what begins a story
    /// (stream.online, poll.begin) before its progress, lock and end, so the end of a poll or a stream is not sent
    /// before its start (which the relay would rightly treat as late).</summary>
    private static int LifecycleRank(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name switch
        {
            _ when name.EndsWith(".progress", StringComparison.Ordinal) => 1,
            _ when name.EndsWith(".lock", StringComparison.Ordinal) => 2,
            _ when name.EndsWith(".end", StringComparison.Ordinal) || name == "stream.offline" => 3,
            _ => 0,
        };
    }
}
