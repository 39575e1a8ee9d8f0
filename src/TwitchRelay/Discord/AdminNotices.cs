using TwitchRelay.Alerts;

namespace TwitchRelay.Discord;

/// <summary>Posts the service's own news (a broken link, a failing destination, a role problem) in a guild's admin
/// channel: plain text that pings nobody, since parts of it (display names, Discord's reasons) are not ours.
/// https://discord.com/developers/docs/resources/message#allowed-mentions-object</summary>
public sealed class AdminNotices(DiscordRestClient discord)
{
    /// <param name="channelId">The guild's admin channel.</param>
    /// <param name="text">Discord markdown; outside text in it must already be escaped.</param>
    /// <param name="nonce">Set it to have Discord drop a repeat of the same notice.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public Task<DiscordResult> PostAsync(
        string channelId,
        string text,
        string? nonce,
        CancellationToken cancellationToken)
    {
        var message = new DiscordMessage(
            DiscordText.Truncate(text, DiscordLimits.Content),
            null,
            new DiscordAllowedMentions([], []),
            null);
        return discord.CreateMessageAsync(
            new ChannelTarget(channelId),
            DiscordMessageJson.Serialize(message),
            nonce,
            cancellationToken);
    }
}
