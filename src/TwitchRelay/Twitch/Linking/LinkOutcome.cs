namespace TwitchRelay.Twitch.Linking;

/// <summary>How a callback ended, for the page the streamer sees. Nothing is stored unless <see cref="Linked"/>.
/// </summary>
public abstract record LinkOutcome;

public sealed record LinkRefused(string Title, string Explanation) : LinkOutcome;

/// <summary>The account is linked. <paramref name="MissingEventKeys"/> names events that cannot work with the scopes
/// the streamer granted.</summary>
public sealed record Linked(
    string GuildId,
    string DisplayName,
    string BroadcasterType,
    IReadOnlyList<string> MissingEventKeys,
    IReadOnlyList<string> SubscriptionProblems) : LinkOutcome;

/// <summary>The account turned out to be an affiliate or partner: send the browser back to Twitch once more for the
/// affiliate scopes.</summary>
public sealed record LinkNeedsAffiliateScopes(string AuthorizeUrl) : LinkOutcome;
