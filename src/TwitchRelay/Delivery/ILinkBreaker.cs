namespace TwitchRelay.Delivery;

/// <summary>What the dispatcher calls when Twitch says access is gone (a revocation for
/// <c>authorization_revoked</c> or <c>user_removed</c>, or <c>user.authorization.revoke</c>). Implemented by the
/// Twitch room, which owns links; declared here, where it is needed.</summary>
public interface ILinkBreaker
{
    /// <param name="occurredAt">When Twitch said so; news older than the account's current tokens is ignored.</param>
    Task MarkBrokenAsync(
        string accountId,
        string reason,
        DateTimeOffset occurredAt,
        CancellationToken cancellationToken);
}
