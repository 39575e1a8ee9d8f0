using Microsoft.Extensions.Caching.Memory;
using TwitchRelay.Dashboard.Auth;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The guilds the signed-in user may configure, asked from Discord with the user's own token and kept for a
/// short while: long enough for one page and its form posts, short enough that a removed admin loses access soon.
/// </summary>
public sealed class ManagedGuilds(DiscordOAuthClient oauth, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>Null when Discord no longer accepts the user's token (revoked or expired): sign the user out.
    /// </summary>
    public async Task<IReadOnlyList<UserGuild>?> ListAsync(HttpContext context)
    {
        var token = await context.AccessTokenAsync();
        if (token is null)
        {
            return null;
        }

        // Keyed by the token, not the user: a new sign-in asks Discord afresh.
        var key = "managed-guilds:" + OneTimeSecrets.Hash(token);
        if (cache.TryGetValue(key, out IReadOnlyList<UserGuild>? cached))
        {
            return cached;
        }

        var all = await oauth.GetCurrentUserGuildsAsync(token, context.RequestAborted);
        if (all is null)
        {
            return null;
        }

        IReadOnlyList<UserGuild> managed = [.. all.Where(x => x.CanManage).OrderBy(x => x.Name)];
        cache.Set(key, managed, CacheFor);
        return managed;
    }
}
