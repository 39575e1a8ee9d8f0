namespace TwitchRelay.Discord;

/// <summary>Checks Discord ids: 64-bit integers sent as strings.
/// https://discord.com/developers/docs/reference#snowflakes</summary>
internal static class Snowflake
{
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit) && ulong.TryParse(value, out _);
}
