namespace TwitchRelay.Discord;

/// <summary>Counts the answers that count toward Discord's invalid-request limit (10,000 401/403/429 per 10 minutes
/// per IP bans the host), so the service can alarm long before.
/// https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans</summary>
public sealed class DiscordRestStats
{
    private long unauthorized;
    private long forbidden;
    private long rateLimited;
    private int botTokenRejected;

    public long Unauthorized => Interlocked.Read(ref unauthorized);

    public long Forbidden => Interlocked.Read(ref forbidden);

    /// <summary>429 answers, except those with scope "shared", which Discord does not count.</summary>
    public long RateLimited => Interlocked.Read(ref rateLimited);

    public long InvalidResponses => Unauthorized + Forbidden + RateLimited;

    /// <summary>True once Discord refused the bot token: later bot calls fail without a request.</summary>
    public bool BotTokenRejected => Volatile.Read(ref botTokenRejected) == 1;

    internal void CountUnauthorized() => Interlocked.Increment(ref unauthorized);

    internal void CountForbidden() => Interlocked.Increment(ref forbidden);

    internal void CountRateLimited() => Interlocked.Increment(ref rateLimited);

    internal void RejectBotToken() => Volatile.Write(ref botTokenRejected, 1);
}
