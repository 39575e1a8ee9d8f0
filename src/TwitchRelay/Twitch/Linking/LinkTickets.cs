using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Twitch.Linking;

/// <summary>Issues and redeems the one-time tickets that allow starting a link for one guild (ten minutes, once).
/// </summary>
public sealed class LinkTickets(IDbContextFactory<RelayDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> IssueAsync(string guildId, bool relink, CancellationToken cancellationToken)
    {
        var ticket = OneTimeSecrets.New();
        await using var db = contexts.CreateDbContext();
        db.LinkTickets.Add(new LinkTicket
        {
            TicketHash = OneTimeSecrets.Hash(ticket),
            GuildId = guildId,
            IsRelink = relink,
            ExpiresAt = time.GetUtcNow() + Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    /// <summary>Whether the ticket would be accepted now, without using it up.</summary>
    public async Task<bool> IsValidAsync(string? ticket, string guildId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 100)
        {
            return false;
        }

        await using var db = contexts.CreateDbContext();
        var found = await db.LinkTickets.FindAsync([OneTimeSecrets.Hash(ticket)], cancellationToken);
        return found is not null && found.GuildId == guildId && found.ExpiresAt > time.GetUtcNow();
    }

    /// <summary>Consumes the ticket; returns it when it was valid for <paramref name="guildId"/>, else null.</summary>
    public async Task<LinkTicket?> RedeemAsync(string? ticket, string guildId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 100)
        {
            return null;
        }

        await using var db = contexts.CreateDbContext();
        var hash = OneTimeSecrets.Hash(ticket);
        var found = await db.LinkTickets.FindAsync([hash], cancellationToken);
        if (found is null)
        {
            return null;
        }

        db.LinkTickets.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return found.GuildId == guildId && found.ExpiresAt > time.GetUtcNow() ? found : null;
    }
}
