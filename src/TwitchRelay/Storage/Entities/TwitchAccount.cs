namespace TwitchRelay.Storage.Entities;

/// <summary>A linked Twitch account (a broadcaster). Tokens belong here, rules to the guilds linked to it.</summary>
public sealed class TwitchAccount
{
    /// <summary>Twitch's user id.</summary>
    public required string UserId { get; set; }

    public required string Login { get; set; }

    public required string DisplayName { get; set; }

    /// <summary><c>""</c> (regular), <c>affiliate</c> or <c>partner</c>, from Get Users.</summary>
    public string BroadcasterType { get; set; } = "";

    public string? ProfileImageUrl { get; set; }

    /// <summary>Encrypted with Data Protection; never logged.</summary>
    public string? ProtectedAccessToken { get; set; }

    /// <summary>Encrypted with Data Protection; never logged.</summary>
    public string? ProtectedRefreshToken { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>When the current grant's tokens were stored: news of a revocation older than this is about a grant
    /// that a re-link has already replaced.</summary>
    public DateTimeOffset? TokensIssuedAt { get; set; }

    /// <summary>The scopes the streamer granted, space-separated.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Set when the link stopped working (revoked, refused refresh); cleared by a re-link.</summary>
    public string? BrokenReason { get; set; }

    public DateTimeOffset? BrokenAt { get; set; }

    public DateTimeOffset? LastValidatedAt { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    public bool IsHealthy => BrokenReason is null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
