using Microsoft.EntityFrameworkCore;
using TwitchRelay.Delivery;
using TwitchRelay.Storage;

namespace TwitchRelay.Discord.Commands;

/// <summary><c>/twitch test</c>: a sample alert for each enabled rule of one event in one guild, through the real
/// outbox (<see cref="TestAlertQueue"/>), pinging no role.</summary>
internal sealed class TestAlerts(IDbContextFactory<RelayDbContext> contexts, TestAlertQueue queue)
{
    /// <summary>Returns the lanes (destinations) a test alert was queued for.</summary>
    public async Task<IReadOnlyList<string>> QueueAsync(
        string guildId,
        string eventKey,
        string userId,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking()
            .Where(r => r.GuildId == guildId && r.EventKey == eventKey && r.Enabled)
            .OrderBy(r => r.Position)
            .ToListAsync(cancellationToken);

        await queue.QueueAsync(guildId, rules, $"/twitch test by Discord user {userId}", cancellationToken);
        return [.. rules.Select(r => r.LaneKey).Distinct()];
    }
}
