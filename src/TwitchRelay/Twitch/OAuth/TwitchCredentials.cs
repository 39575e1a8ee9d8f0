namespace TwitchRelay.Twitch.OAuth;

/// <summary>Checks that the Twitch application's credentials are configured before a call that needs them. The
/// message names the setting as written in configuration, so the service can report it as is.</summary>
internal static class TwitchCredentials
{
    public static string ClientId(TwitchOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientId)
            ? throw new InvalidOperationException(
                $"{TwitchOptions.Section}:ClientId is not set; register an application at "
                + "https://dev.twitch.tv/console and configure its client id.")
            : options.ClientId;

    public static string ClientSecret(TwitchOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientSecret)
            ? throw new InvalidOperationException(
                $"{TwitchOptions.Section}:ClientSecret is not set; configure the secret of the application at "
                + "https://dev.twitch.tv/console.")
            : options.ClientSecret;
}
