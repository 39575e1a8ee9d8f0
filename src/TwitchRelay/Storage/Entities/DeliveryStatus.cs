namespace TwitchRelay.Storage.Entities;

/// <summary>Stored as text so the database reads plainly.</summary>
public enum DeliveryStatus
{
    /// <summary>Owed: waiting for its first attempt or for a retry at
    /// <see cref="AlertDelivery.NextAttemptAt"/>.</summary>
    Pending,

    Delivered,

    /// <summary>Ended for good, with the reason in <see cref="AlertDelivery.LastError"/>; shown to the admin.</summary>
    Failed,

    /// <summary>A newer state of the same poll, prediction, goal or hype train was sent instead.</summary>
    Superseded,
}
