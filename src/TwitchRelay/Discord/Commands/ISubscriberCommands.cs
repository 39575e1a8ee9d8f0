namespace TwitchRelay.Discord.Commands;

/// <summary>What <c>/twitch connect</c> and <c>/twitch disconnect</c> do for a member (the subscriber role sync).
/// </summary>
internal interface ISubscriberCommands
{
    Task<InteractionReply> ConnectAsync(string guildId, string userId, CancellationToken cancellationToken);

    Task<InteractionReply> DisconnectAsync(string guildId, string userId, CancellationToken cancellationToken);
}
