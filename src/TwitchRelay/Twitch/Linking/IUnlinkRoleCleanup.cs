namespace TwitchRelay.Twitch.Linking;

/// <summary>A Discord role the service gave a member of a guild (the live role, a subscriber role).</summary>
public sealed record GivenRole(string UserId, string RoleId);

/// <summary>Un-linking a guild also ends the roles the service gave there: nothing maintains them afterwards, so a
/// live role or a subscriber role would stay on members for good. Asked which roles before the local wipe (the
/// mappings are part of it), told to take them back after it.</summary>
public interface IUnlinkRoleCleanup
{
    Task<IReadOnlyList<GivenRole>> RolesGivenAsync(string guildId, CancellationToken cancellationToken);

    /// <summary>Best effort: returns how many roles Discord took; a failure is logged, never retried.</summary>
    Task<int> TakeBackAsync(string guildId, IReadOnlyList<GivenRole> roles, CancellationToken cancellationToken);
}
