namespace TwitchRelay.Twitch.Subscriptions;

/// <summary>What one reconcile did, for the log and the tests.</summary>
public sealed record ReconcileReport(
    int Created,
    int AlreadyExisted,
    int Deleted,
    IReadOnlyList<string> Problems,
    int TotalCost,
    int MaxTotalCost);
