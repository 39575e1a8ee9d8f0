namespace TwitchRelay.Delivery.Streams;

/// <summary>Told, after the dispatcher has stored it, that a channel went live or offline (the live role listens).
/// Called outside the dispatcher's transaction; an observer that misses a call catches up by reconciling.</summary>
public interface IStreamLiveObserver
{
    void LiveChanged(string broadcasterId, bool live);
}
