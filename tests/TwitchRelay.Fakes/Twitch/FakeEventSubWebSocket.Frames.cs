using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>Frames shaped as Twitch's: <c>{metadata:{message_id, message_type, message_timestamp,
/// subscription_type?, subscription_version?}, payload}</c>, and the sending and closing of sockets.
/// https://dev.twitch.tv/docs/eventsub/websocket-reference/</summary>
public sealed partial class FakeEventSubWebSocket
{
    private string Frame(string messageId, string messageType, string? subscriptionType, string? version,
        string payloadJson)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("message_id", messageId);
            writer.WriteString("message_type", messageType);
            writer.WriteString("message_timestamp", Timestamp(time.GetUtcNow()));
            if (subscriptionType is not null)
            {
                writer.WriteString("subscription_type", subscriptionType);
                writer.WriteString("subscription_version", version);
            }

            writer.WriteEndObject();
        }

        // The payload goes in as given, byte for byte, so a test can compare it with what the client stored.
        return $$"""{"metadata":{{Encoding.UTF8.GetString(buffer.ToArray())}},"payload":{{payloadJson}}}""";
    }

    private static string SessionJson(Connection connection, string status, int? keepalive, string? reconnectUrl)
    {
        var session = new Dictionary<string, object?>
        {
            ["id"] = connection.Id,
            ["status"] = status,
            ["connected_at"] = Timestamp(connection.ConnectedAt),
            ["keepalive_timeout_seconds"] = keepalive,
            ["reconnect_url"] = reconnectUrl,
        };
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["session"] = session });
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);

    /// <summary>Twitch's session ids look like "AQoQ…" followed by base64url.</summary>
    private static string NewSessionId() =>
        "AQoQ" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    private async Task SendAsync(Connection connection, string frame, FakeEventSubRecordKind kind, string? detail)
    {
        await connection.SendLock.WaitAsync(stopping.Token);
        try
        {
            if (!connection.IsOpen || connection.ClosedBy != FakeEventSubCloser.None)
            {
                throw new InvalidOperationException($"Session {connection.Id} is not open");
            }

            await connection.Socket.SendAsync(
                Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, stopping.Token);
            connection.LastSentAt = time.GetUtcNow();
            Record(connection.Id, kind, detail);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    private async Task CloseAsync(Connection connection, int code)
    {
        await connection.SendLock.WaitAsync(stopping.Token);
        try
        {
            if (!connection.IsOpen || connection.ClosedBy != FakeEventSubCloser.None)
            {
                return;
            }

            connection.ClosedBy = FakeEventSubCloser.Server;
            connection.CloseCode = code;
            Record(connection.Id, FakeEventSubRecordKind.ClosedByServer, closeCode: code);
            await connection.Socket.CloseOutputAsync((WebSocketCloseStatus)code, $"fake {code}", stopping.Token);
        }
        catch (WebSocketException)
        {
            // The client is already gone; the read loop records the drop.
        }
        finally
        {
            connection.SendLock.Release();
        }

        _ = AbortLaterAsync(connection);
    }

    /// <summary>A client that does not answer a close frame is dropped, as Twitch would.</summary>
    private async Task AbortLaterAsync(Connection connection)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        connection.Abort();
    }
}
