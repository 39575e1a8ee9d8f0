namespace TwitchRelay.Storage.Entities;

/// <summary>A Discord member's own Twitch account, connected through <c>/twitch connect</c> (Twitch OAuth with no
/// scopes: identity only, no token kept). Subscriber roles follow this mapping.</summary>
public sealed class MemberLink
{
    public required string DiscordUserId { get; set; }

    public required string TwitchUserId { get; set; }

    public required string TwitchLogin { get; set; }

    public required string TwitchDisplayName { get; set; }

    /// <summary>The guild the member connected from (for the log; the mapping holds in every guild).</summary>
    public string? GuildId { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}

/// <summary>A step of a member's connect: the one-time ticket from <c>/twitch connect</c> (ten minutes, once), then
/// the OAuth state bound to the browser that pressed the button. Only hashes are stored.</summary>
public sealed class MemberConnectRequest
{
    public required string Hash { get; set; }

    /// <summary>True for the OAuth state, false for the ticket.</summary>
    public bool IsState { get; set; }

    public required string DiscordUserId { get; set; }

    public required string GuildId { get; set; }

    public string? BrowserBindingHash { get; set; }

    public string? RedirectUri { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
