namespace TwitchRelay.Alerts;

/// <summary>The OAuth scopes to request when linking a streamer, from <c>scope_sets</c> in the shared catalog.
/// Only read scopes: https://dev.twitch.tv/docs/authentication/scopes/</summary>
public static class ScopeSets
{
    /// <summary>Scopes for a regular account (Get Users <c>broadcaster_type</c> is empty).</summary>
    public static IReadOnlyList<string> Regular { get; } =
    [
        "moderator:read:followers",
        "moderation:read",
        "moderator:read:warnings",
        // VIP is affiliate-only in the product, but Twitch unlocks VIP slots through an achievement, not
        // broadcaster_type, so the scope is asked of everyone (catalog.json, channel.vip.add notes).
        "channel:read:vips",
        "moderator:read:banned_users",
        "moderator:read:blocked_terms",
        "moderator:read:chat_settings",
        "moderator:read:unban_requests",
        "moderator:read:chat_messages",
        "moderator:read:moderators",
        "moderator:read:vips",
    ];

    /// <summary>Scopes for an affiliate or partner: the regular set plus the monetization and engagement scopes.
    /// </summary>
    public static IReadOnlyList<string> AffiliateOrPartner { get; } =
    [
        .. Regular,
        "bits:read",
        "channel:read:subscriptions",
        "channel:read:polls",
        "channel:read:predictions",
        "channel:read:redemptions",
        "channel:read:goals",
        "channel:read:hype_train",
    ];

    /// <summary>The set for a Get Users <c>broadcaster_type</c> (<c>""</c>, <c>affiliate</c> or <c>partner</c>).
    /// </summary>
    public static IReadOnlyList<string> For(string broadcasterType) =>
        broadcasterType is "affiliate" or "partner" ? AffiliateOrPartner : Regular;
}
