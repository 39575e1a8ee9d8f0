namespace TwitchRelay.Cli.Config;

/// <summary>Discord ids are 64-bit snowflakes written as strings of 17 to 20 digits; Twitch user ids are shorter
/// digit strings. Checked before any id reaches a URL path.</summary>
internal static class Ids
{
    /// <summary>The Discord client's own check, plus the 17 digits every real id has had since 2015: a short number
    /// in a config file is a typo, not an id.</summary>
    public static bool IsSnowflake(string? value) => value is { Length: >= 17 } && Discord.Snowflake.IsValid(value);

    public static bool IsTwitchUserId(string? value) =>
        value is { Length: >= 1 and <= 20 } && value.All(char.IsAsciiDigit);

    /// <summary>Twitch logins are letters, digits and underscores, at most 25 (older accounts can be shorter than
    /// today's minimum of 4). https://dev.twitch.tv/docs/api/reference/#get-users</summary>
    public static bool IsTwitchLogin(string? value) =>
        value is { Length: >= 1 and <= 25 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
