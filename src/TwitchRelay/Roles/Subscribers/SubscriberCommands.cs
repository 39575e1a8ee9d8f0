using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Discord.Commands;
using TwitchRelay.Hosting;
using TwitchRelay.Twitch;

namespace TwitchRelay.Roles.Subscribers;

/// <summary><c>/twitch connect</c> gives the member a private one-time link; <c>/twitch disconnect</c> removes the
/// mapping and takes back the subscriber roles (<see cref="MemberDisconnector"/>).</summary>
internal sealed class SubscriberCommands(
    MemberConnectFlow flow,
    MemberDisconnector disconnector,
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
        var disconnected = await disconnector.DisconnectAsync(userId, "Twitch account disconnected", ct);
        if (disconnected is null)
        {
            return new InteractionReply("No Twitch account is connected to your Discord account.");
        }

        return new InteractionReply(
            $"Disconnected your Twitch account {DiscordText.Escape(disconnected.Removed.TwitchDisplayName)}"
            + (disconnected.RolesTaken > 0 ? $" and removed {disconnected.RolesTaken} subscriber role(s)." : ".")
            + (disconnected.RolesLeft > 0
                ? $" Discord refused to remove {disconnected.RolesLeft} role(s): ask the server's admins to."
                : ""));
    }
}
