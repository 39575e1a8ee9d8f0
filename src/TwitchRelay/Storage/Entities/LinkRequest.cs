namespace TwitchRelay.Storage.Entities;

/// <summary>An OAuth <c>state</c> waiting for Twitch's callback: single-use, short-lived, and bound to the browser
/// that started it (a hash of a cookie only that browser holds), so a callback cannot be replayed or forged from
/// elsewhere. https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow</summary>
public sealed class LinkRequest
{
    /// <summary>A hash of the state value sent to Twitch (the value itself is not stored).</summary>
    public required string StateHash { get; set; }

    public required string GuildId { get; set; }

    public required string BrowserBindingHash { get; set; }

    public required string RedirectUri { get; set; }

    public bool IsRelink { get; set; }

    /// <summary>Set on the automatic second trip that asks an affiliate for the affiliate scopes.</summary>
    public bool IsScopeUpgrade { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
