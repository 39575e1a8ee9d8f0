using Microsoft.Extensions.Options;
using TwitchRelay.Twitch;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Cli.Config;

/// <summary>Checks that every followed login of a rules file is a Twitch user (Get Users with the app token,
/// https://dev.twitch.tv/docs/api/reference/#get-users) and finds their ids, before anything is stored.</summary>
public sealed class FollowedChannelResolver(TwitchHelixClient helix, TwitchCalls calls, IOptions<TwitchOptions> options)
{
    /// <summary>The users by lower-case login, or the errors (with their paths) that stop the import.</summary>
    public async Task<(IReadOnlyDictionary<string, TwitchUser> Users, IReadOnlyList<string> Errors)> ResolveAsync(
        AlertConfigFile file,
        CancellationToken cancellationToken)
    {
        var wanted = new List<(string Path, string Login)>();
        for (var g = 0; g < file.Guilds!.Count; g++)
        {
            var follows = file.Guilds[g]!.Follow ?? [];
            for (var f = 0; f < follows.Count; f++)
            {
                wanted.Add(($"guilds[{g}].follow[{f}].login", follows[f]!.Login!.ToLowerInvariant()));
            }
        }

        var users = new Dictionary<string, TwitchUser>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return (users, []);
        }

        if (string.IsNullOrWhiteSpace(options.Value.ClientId) || string.IsNullOrWhiteSpace(options.Value.ClientSecret))
        {
            return (users, [$"{wanted[0].Path}: following a channel needs Twitch:ClientId and Twitch:ClientSecret "
                + "(the login is checked with Twitch)"]);
        }

        foreach (var chunk in wanted.Select(x => x.Login).Distinct().Chunk(TwitchHelixClient.MaxUsersPerRequest))
        {
            HelixResult<IReadOnlyList<TwitchUser>> result;
            try
            {
                result = await calls.AsAppAsync((t, ct) => helix.GetUsersByLoginAsync(t, chunk, ct), cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
            {
                return (users, [$"{wanted[0].Path}: could not ask Twitch whether the followed logins exist: "
                    + exception.Message]);
            }

            if (result is not HelixOk<IReadOnlyList<TwitchUser>> ok)
            {
                return (users, [$"{wanted[0].Path}: could not ask Twitch whether the followed logins exist "
                    + $"({result})"]);
            }

            foreach (var user in ok.Value)
            {
                users[user.Login.ToLowerInvariant()] = user;
            }
        }

        var errors = wanted
            .Where(x => !users.ContainsKey(x.Login))
            .Select(x => $"{x.Path}: no Twitch channel is called \"{x.Login}\"")
            .ToList();
        return (users, errors);
    }
}
