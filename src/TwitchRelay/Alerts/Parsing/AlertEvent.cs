using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>One thing that happened on a channel, under the product's event key, ready to render.</summary>
/// <param name="EventKey">The product's key, e.g. <c>timeout</c>.</param>
/// <param name="BroadcasterId">The channel's Twitch user id; rules are looked up by it.</param>
/// <param name="BroadcasterLogin">The channel's login (lower case), used for the channel link.</param>
/// <param name="BroadcasterName">The channel's display name.</param>
/// <param name="OccurredAt">The event's own time when Twitch gives one, else the notification's timestamp.</param>
/// <param name="Thread">Set for events that edit one shared Discord message (polls, predictions…).</param>
/// <param name="Payload">The typed Twitch event this alert came from.</param>
public sealed record AlertEvent(
    string EventKey,
    string BroadcasterId,
    string BroadcasterLogin,
    string BroadcasterName,
    DateTimeOffset OccurredAt,
    AlertThread? Thread,
    ITwitchEvent Payload);

/// <summary>Groups the events that post one Discord message and then edit it: the first event posts, later ones
/// edit. A higher <paramref name="Stage"/> must never be overwritten by a lower one (Twitch does not guarantee
/// order: hype-train progress can arrive before begin).</summary>
/// <param name="Key">e.g. <c>poll:{id}</c>, <c>prediction:{id}</c>, <c>goal:{id}</c>, <c>hype_train:{id}</c>.</param>
/// <param name="Stage">begin 0, progress 1, lock 2 (predictions only), end last.</param>
public sealed record AlertThread(string Key, int Stage);
