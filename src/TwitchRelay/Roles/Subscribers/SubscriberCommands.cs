using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TwitchRelay.Alerts;
using TwitchRelay.Discord.Commands;
using TwitchRelay.Hosting;
using TwitchRelay.Twitch;

namespace TwitchRelay.Roles.Subscribers;

/// <summary><c>/twitch connect</c> gives the member a private one-time link; <c>/twitch disconnect</c> removes the
/// mapping.</summary>
internal sealed class SubscriberCommands(
    MemberConnectFlow flow,
    IOptions<ServiceOptions> service,
    IOptions<TwitchOptions> twitch,
    IServiceProvider services) : ISubscriberCommands
{
    public async Task<InteractionReply> ConnectAsync(string guildId, string userId, CancellationToken ct)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return new InteractionReply(
                "Connecting Twitch accounts is not set up on this service (Twitch:ClientId is not set).");
        }

        var ticket = await flow.IssueTicketAsync(guildId, userId, ct);
        var url = $"{BaseUrl()}{MemberConnectEndpoints.ConnectPath}?ticket={Uri.EscapeDataString(ticket)}";
        return new InteractionReply(
            $"Open this link within 10 minutes to connect your Twitch account (it works once, only for you): {url}");
    }

    public async Task<InteractionReply> DisconnectAsync(string guildId, string userId, CancellationToken ct)
    {
        var removed = await flow.DisconnectAsync(userId, ct);
        return removed is null
            ? new InteractionReply("No Twitch account is connected to your Discord account.")
            : new InteractionReply(
                $"Disconnected your Twitch account {DiscordText.Escape(removed.TwitchDisplayName)}.");
    }

    /// <summary>PublicUrl when set, else the address the service listens on.</summary>
    private string BaseUrl()
    {
        if (service.Value.PublicUrl is { Length: > 0 } publicUrl)
        {
            return publicUrl.TrimEnd('/');
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses?.FirstOrDefault()?.TrimEnd('/') ?? "http://localhost:5080";
    }
}
