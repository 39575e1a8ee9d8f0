using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Cli.Config;

/// <summary>Over the EventSub WebSocket transport, a followed channel's three stream subscriptions are made with the
/// linked account's token and cost 1 each (0 when the channel itself has authorized our client), against that token's
/// max_total_cost of 10: so one linked account, across every guild linked to it, follows at most 3 channels that cost.
/// Refusing the change that would pass it says so at once, instead of Twitch answering 429 later in a log. A change
/// that adds nothing is never refused, so a configuration made under the webhook transport still imports.
/// https://dev.twitch.tv/docs/eventsub/manage-subscriptions/#subscription-limits</summary>
public sealed class WebSocketFollowLimit(IDbContextFactory<RelayDbContext> contexts, IOptions<EventSubOptions> options)
{
    /// <summary>3 channels × 3 subscriptions × cost 1 = 9, within the WebSocket token's max_total_cost of 10.
    /// </summary>
    public const int MaxFollowedPerAccount = 3;

    /// <summary>The errors, with their paths, of a rules file whose guilds would make one linked account follow
    /// more than <see cref="MaxFollowedPerAccount"/> channels; guilds not in the file count as stored.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(
        AlertConfigFile file,
        IReadOnlyDictionary<string, TwitchUser> users,
        CancellationToken ct)
    {
        if (options.Value.UsesWebhooks)
        {
            return [];
        }

        var guilds = file.Guilds!.Select((guild, index) => (Guild: guild!, Index: index)).ToList();
        var inFile = guilds.Select(x => x.Guild.GuildId!).ToList();
        var errors = new List<string>();
        foreach (var account in guilds.GroupBy(x => x.Guild.BroadcasterId!, StringComparer.Ordinal))
        {
            var following = account.Where(x => x.Guild.Follow is { Count: > 0 }).ToList();
            if (following.Count == 0)
            {
                continue;
            }

            var proposed = following
                .SelectMany(x => x.Guild.Follow!)
                .Select(follow => users[follow!.Login!.ToLowerInvariant()].Id);
            var over = await OverLimitAsync(account.Key, inFile, proposed, ct);
            if (over is not null)
            {
                errors.Add($"guilds[{following[0].Index}].follow: {over}");
            }
        }

        return errors;
    }

    /// <summary>The problem of guild <paramref name="guildId"/> following <paramref name="broadcasterId"/> besides
    /// what it and the other guilds of its linked account follow now, or null when it fits.</summary>
    public async Task<string?> CheckOneMoreAsync(string guildId, string broadcasterId, CancellationToken ct)
    {
        if (options.Value.UsesWebhooks)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var accountId = await db.GuildLinks.Where(x => x.GuildId == guildId).Select(x => x.BroadcasterId)
            .SingleAsync(ct);
        return await OverLimitAsync(accountId, [], [broadcasterId], ct);
    }

    /// <param name="replacedGuilds">Guilds whose stored follows <paramref name="proposed"/> replaces.</param>
    private async Task<string?> OverLimitAsync(
        string accountId,
        IReadOnlyCollection<string> replacedGuilds,
        IEnumerable<string> proposed,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.FollowedChannels
            .Where(f => f.Guild!.BroadcasterId == accountId)
            .Select(f => new { f.GuildId, f.BroadcasterId })
            .ToListAsync(ct);

        // A channel whose own account is linked here has authorized the client: its subscriptions cost nothing.
        var authorized = (await db.TwitchAccounts.Where(x => x.BrokenReason == null).Select(x => x.UserId)
                .ToListAsync(ct))
            .Append(accountId)
            .ToHashSet(StringComparer.Ordinal);
        var before = stored.Select(f => f.BroadcasterId).Where(id => !authorized.Contains(id))
            .ToHashSet(StringComparer.Ordinal);
        var after = stored.Where(f => !replacedGuilds.Contains(f.GuildId)).Select(f => f.BroadcasterId)
            .Concat(proposed)
            .Where(id => !authorized.Contains(id))
            .ToHashSet(StringComparer.Ordinal);
        if (after.Count <= MaxFollowedPerAccount || after.IsSubsetOf(before))
        {
            return null;
        }

        return $"a linked account follows at most {MaxFollowedPerAccount} channels over EventSub WebSocket (each "
            + "costs 3 of the 10 Twitch allows one token), and this makes "
            + $"{after.Count} for the account its servers share; remove one, or set EventSub:Transport=webhook";
    }
}
