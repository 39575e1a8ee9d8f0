using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Cli.Config;

/// <summary>Over the EventSub WebSocket transport, a followed channel's three stream subscriptions are made with the
/// linked account's token and cost 1 each (the channel has not authorized our client), against that token's
/// max_total_cost of 10: so one linked account, across every guild linked to it, follows at most 3 channels.
/// Refusing the 4th when it is added says so at once, instead of Twitch answering 429 later in a log.
/// https://dev.twitch.tv/docs/eventsub/manage-subscriptions/#subscription-limits</summary>
public sealed class WebSocketFollowLimit(IDbContextFactory<RelayDbContext> contexts, IOptions<EventSubOptions> options)
{
    /// <summary>3 channels × 3 subscriptions × cost 1 = 9, within the WebSocket token's max_total_cost of 10.</summary>
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
        var inFile = guilds.Select(x => x.Guild.GuildId!).ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var account in guilds.GroupBy(x => x.Guild.BroadcasterId!, StringComparer.Ordinal))
        {
            var proposed = account
                .SelectMany(x => x.Guild.Follow ?? [])
                .Select(follow => users[follow!.Login!.ToLowerInvariant()].Id);
            var over = await OverLimitAsync(account.Key, inFile, proposed, ct);
            if (over is not null)
            {
                var first = account.First(x => x.Guild.Follow is { Count: > 0 });
                errors.Add($"guilds[{first.Index}].follow: {over}");
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

    private async Task<string?> OverLimitAsync(
        string accountId,
        IReadOnlyCollection<string> replacedGuilds,
        IEnumerable<string> proposed,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var replaced = replacedGuilds.ToList();
        var stored = await db.FollowedChannels
            .Where(f => f.Guild!.BroadcasterId == accountId && !replaced.Contains(f.GuildId))
            .Select(f => f.BroadcasterId)
            .ToListAsync(ct);

        // The linked channel's own stream events are authorized by its token and cost nothing.
        var followed = stored.Concat(proposed).Where(id => id != accountId).ToHashSet(StringComparer.Ordinal);
        if (followed.Count <= MaxFollowedPerAccount)
        {
            return null;
        }

        return $"a linked account follows at most {MaxFollowedPerAccount} channels over EventSub WebSocket (each "
            + "costs 3 of the 10 Twitch allows one token), and this makes "
            + $"{followed.Count} for the account its servers share; remove one, or set EventSub:Transport=webhook";
    }
}
