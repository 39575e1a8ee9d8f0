namespace TwitchRelay.Cli.Config;

/// <summary>Discord ids are 64-bit snowflakes written as strings of 17 to 20 digits; Twitch user ids are shorter
/// digit strings. Checked before any id reaches a URL path.</summary>
internal static class Ids
{
    public static bool IsSnowflake(string? value) =>
        value is { Length: >= 17 and <= 20 } && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out _);

    public static bool IsTwitchUserId(string? value) =>
        value is { Length: >= 1 and <= 20 } && value.All(char.IsAsciiDigit);
}
