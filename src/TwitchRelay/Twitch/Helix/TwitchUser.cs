namespace TwitchRelay.Twitch.Helix;

/// <summary>A Twitch user from Get Users. <see cref="BroadcasterType"/> is <c>"partner"</c>, <c>"affiliate"</c> or
/// <c>""</c> and picks the scope set. https://dev.twitch.tv/docs/api/reference/#get-users</summary>
public sealed record TwitchUser(
    string Id,
    string Login,
    string DisplayName,
    string BroadcasterType,
    string? ProfileImageUrl);
