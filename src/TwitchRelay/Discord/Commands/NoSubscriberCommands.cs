namespace TwitchRelay.Discord.Commands;

/// <summary>Used until the subscriber role sync is registered.</summary>
internal sealed class NoSubscriberCommands : ISubscriberCommands
{
    private static readonly InteractionReply NotSetUp = new("Subscriber roles are not set up on this service.");

    public Task<InteractionReply> ConnectAsync(string guildId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(NotSetUp);

    public Task<InteractionReply> DisconnectAsync(string guildId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(NotSetUp);
}
