using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub.WebSocket;

namespace TwitchRelay.Twitch.Subscriptions;

/// <summary>Healthy accounts linked to at least one guild. Changes are noticed through the links marker, whether
/// they were made in this process or by the CLI.</summary>
public sealed class LinkedAccounts(
    IDbContextFactory<RelayDbContext> contexts,
    ChangeMarkers changes,
    TimeProvider time) : IEventSubAccountSource
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<string>> GetBroadcasterIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var linked = db.GuildLinks.Select(x => x.BroadcasterId);
        return await db.TwitchAccounts
            .Where(x => x.BrokenReason == null && x.ProtectedAccessToken != null && linked.Contains(x.UserId))
            .Select(x => x.UserId)
            .ToListAsync(cancellationToken);
    }

    public async Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        var seen = await changes.ReadAsync(ChangeMarkers.Links, cancellationToken);
        while (await changes.ReadAsync(ChangeMarkers.Links, cancellationToken) == seen)
        {
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
