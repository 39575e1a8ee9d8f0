using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Commands;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;
using TwitchRelay.Twitch;

namespace TwitchRelay.Roles.Subscribers;

/// <summary><c>/twitch connect</c> gives the member a private one-time link; <c>/twitch disconnect</c> removes the
/// mapping.</summary>
internal sealed class SubscriberCommands(
    MemberConnectFlow flow,
    IDbContextFactory<RelayDbContext> contexts,
    DiscordGuildClient guilds,
    ServiceAddress address,
    IOptions<TwitchOptions> twitch) : ISubscriberCommands
{
    public async Task<InteractionReply> ConnectAsync(string guildId, string userId, CancellationToken ct)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return new InteractionReply(
                "Connecting Twitch accounts is not set up on this service (Twitch:ClientId is not set).");
        }

        var ticket = await flow.IssueTicketAsync(guildId, userId, ct);
        var url = $"{address.BaseUrl()}{MemberConnectEndpoints.ConnectPath}?ticket={Uri.EscapeDataString(ticket)}";
        return new InteractionReply(
            $"Open this link within 10 minutes to connect your Twitch account (it works once, only for you): {url}");
    }

    public async Task<InteractionReply> DisconnectAsync(string guildId, string userId, CancellationToken ct)
    {
        var removed = await flow.DisconnectAsync(userId, ct);
        if (removed is null)
        {
            return new InteractionReply("No Twitch account is connected to your Discord account.");
        }

        var taken = await TakeRolesAsync(userId, ct);
        return new InteractionReply(
            $"Disconnected your Twitch account {DiscordText.Escape(removed.TwitchDisplayName)}"
            + (taken > 0 ? $" and removed {taken} subscriber role(s)." : "."));
    }

    /// <summary>Takes every subscriber role this service gave the member, in every guild.</summary>
    private async Task<int> TakeRolesAsync(string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var grants = await db.SubscriberRoleGrants.Where(g => g.DiscordUserId == userId).ToListAsync(ct);
        var taken = 0;
        foreach (var grant in grants)
        {
            var result = await guilds.RemoveMemberRoleAsync(
                grant.GuildId, userId, grant.RoleId, "Twitch account disconnected", ct);
            if (result is DiscordDone)
            {
                taken++;
            }

            // Whatever Discord said (member gone, role gone), the grant is over: no retry loop.
            db.SubscriberRoleGrants.Remove(grant);
        }

        await db.SaveChangesAsync(ct);
        return taken;
    }
}
