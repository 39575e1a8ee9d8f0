using System.Text.Json;

namespace TwitchRelay.Twitch.OAuth;

/// <summary>Reads Twitch's error message out of an answer body; falls back to the status when the body is not the
/// usual <c>{"status":…,"message":…}</c>. The body itself is never returned: only the message field.</summary>
internal static class TwitchErrorText
{
    public static string Read(string body, int status)
    {
        try
        {
            var error = JsonSerializer.Deserialize(body, TwitchAuthJsonContext.Default.TwitchErrorBody);
            if (!string.IsNullOrWhiteSpace(error?.Message))
            {
                return error.Message;
            }

            if (!string.IsNullOrWhiteSpace(error?.Error))
            {
                return error.Error;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status alone describes it.
        }

        return $"Twitch answered {status} without a message";
    }
}
