using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Cli.Config;

/// <summary>A guild's stream and role settings (live role, the streamer's member, followed channels, subscriber
/// roles) changed one part at a time, as the dashboard does, with the checks of <c>config import</c>: the same
/// validator run on the guild with the change in it, Get Users for a followed login (<see
/// cref="FollowedChannelResolver"/>), the same fields stored and the same change marker bumped afterwards, so
/// subscriptions follow within seconds.</summary>
public sealed class GuildRoleSettingsStore(
    IDbContextFactory<RelayDbContext> contexts,
    FollowedChannelResolver resolver,
    WebSocketFollowLimit followLimit,
    ChangeMarkers changes)
{
    public const string NotLinked = "link a Twitch account first: these settings belong to a linked server";

    private const string GuildPath = "guilds[0].";

    /// <summary>The problems of the live role and the streamer's member id, without the file path
    /// ("liveRoleId: …"); empty when import would take them.</summary>
    public Task<IReadOnlyList<string>> ValidateLiveRoleAsync(
        string guildId,
        string? liveRoleId,
        string? streamerDiscordUserId,
        CancellationToken ct) =>
        ValidateAsync(
            guildId,
            guild => guild with { LiveRoleId = liveRoleId, StreamerDiscordUserId = streamerDiscordUserId },
            ct);

    public Task SaveLiveRoleAsync(
        string guildId,
        string? liveRoleId,
        string? streamerDiscordUserId,
        CancellationToken ct) =>
        ChangeLinkAsync(
            guildId,
            link =>
            {
                // As import does, a stored LiveRoleProblem stays until the live role service next succeeds.
                link.LiveRoleId = liveRoleId;
                link.StreamerDiscordUserId = streamerDiscordUserId;
            },
            ct);

    /// <summary>Checks a new followed channel as import would (login shape, not followed twice, member id), then
    /// asks Twitch whether the login exists. The user is null when there are problems.</summary>
    public async Task<(TwitchUser? User, IReadOnlyList<string> Problems)> ValidateFollowAsync(
        string guildId,
        FollowConfig follow,
        CancellationToken ct)
    {
        var problems = await ValidateAsync(
            guildId,
            guild => guild with { Follow = [.. guild.Follow ?? [], follow] },
            ct);
        if (problems.Count > 0)
        {
            return (null, [.. problems.Select(WithoutFollowIndex)]);
        }

        var (users, errors) = await resolver.ResolveAsync(OneFollowFile(guildId, follow), ct);
        if (errors.Count > 0)
        {
            return (null, [.. errors.Select(x => WithoutFollowIndex(x[GuildPath.Length..]))]);
        }

        var user = users[follow.Login!.ToLowerInvariant()];
        var overLimit = await followLimit.CheckOneMoreAsync(guildId, user.Id, ct);
        return overLimit is null ? (user, []) : (null, [$"login: {overLimit}"]);
    }

    /// <summary>Stores a follow that <see cref="ValidateFollowAsync"/> accepted, after the guild's others.</summary>
    public async Task AddFollowAsync(string guildId, TwitchUser user, string? discordUserId, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var last = await db.FollowedChannels.Where(x => x.GuildId == guildId)
                .MaxAsync(x => (int?)x.Position, ct);
            db.FollowedChannels.Add(new FollowedChannel
            {
                GuildId = guildId,
                BroadcasterId = user.Id,
                Login = user.Login,
                DisplayName = user.DisplayName,
                DiscordUserId = discordUserId,
                Position = (last ?? -1) + 1,
            });
            await db.SaveChangesAsync(ct);
        }

        await changes.BumpAsync(ChangeMarkers.Rules, ct);
    }

    /// <summary>False when the guild follows no channel with that id (another guild's id changes nothing).</summary>
    public async Task<bool> RemoveFollowAsync(string guildId, long followId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var deleted = await db.FollowedChannels.Where(x => x.Id == followId && x.GuildId == guildId)
            .ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            await changes.BumpAsync(ChangeMarkers.Rules, ct);
        }

        return deleted > 0;
    }

    /// <summary>Null <paramref name="roles"/> means no subscriber roles.</summary>
    public Task<IReadOnlyList<string>> ValidateSubscriberRolesAsync(
        string guildId,
        SubscriberRolesConfig? roles,
        CancellationToken ct) =>
        ValidateAsync(guildId, guild => guild with { SubscriberRoles = roles }, ct);

    public Task SaveSubscriberRolesAsync(string guildId, SubscriberRolesConfig? roles, CancellationToken ct) =>
        ChangeLinkAsync(
            guildId,
            link =>
            {
                link.SubscriberRoleId = roles?.RoleId;
                link.SubscriberTier1000RoleId = roles?.Tier1000;
                link.SubscriberTier2000RoleId = roles?.Tier2000;
                link.SubscriberTier3000RoleId = roles?.Tier3000;
                link.SubscriberGiftRoleId = roles?.GiftRoleId;
                link.SubscriberRolesIncludeGifts = roles?.IncludeGifts ?? true;
                // Import clears the shown role error too: the next role change says again if it still fails.
                link.SubscriberRoleProblem = null;
            },
            ct);

    /// <summary>A guild's settings in the file's shape, without its alerts (export adds them).</summary>
    internal static GuildConfig SettingsOf(GuildLink link) => new()
    {
        GuildId = link.GuildId,
        BroadcasterId = link.BroadcasterId,
        AdminChannelId = link.AdminChannelId,
        LiveRoleId = link.LiveRoleId,
        StreamerDiscordUserId = link.StreamerDiscordUserId,
        Follow = link.Follows.Count == 0
            ? null
            : [.. link.Follows.OrderBy(x => x.Position).Select(x => (FollowConfig?)new FollowConfig
            {
                Login = x.Login,
                DiscordUserId = x.DiscordUserId,
            })],
        SubscriberRoles = link.HasSubscriberRoles
            ? new SubscriberRolesConfig
            {
                RoleId = link.SubscriberRoleId,
                Tier1000 = link.SubscriberTier1000RoleId,
                Tier2000 = link.SubscriberTier2000RoleId,
                Tier3000 = link.SubscriberTier3000RoleId,
                GiftRoleId = link.SubscriberGiftRoleId,
                IncludeGifts = link.SubscriberRolesIncludeGifts ? null : false,
            }
            : null,
    };

    /// <summary>Runs the import's validator on the guild as stored, with <paramref name="change"/> applied and no
    /// alerts (their checks belong to the event pages); returns the problems without the file path.</summary>
    private async Task<IReadOnlyList<string>> ValidateAsync(
        string guildId,
        Func<GuildConfig, GuildConfig> change,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var link = await db.GuildLinks.AsNoTracking().Include(x => x.Follows)
            .SingleOrDefaultAsync(x => x.GuildId == guildId, ct);
        if (link is null)
        {
            return [NotLinked];
        }

        var file = new AlertConfigFile
        {
            Version = AlertConfigFile.CurrentVersion,
            Guilds = [change(SettingsOf(link) with { Alerts = [] })],
        };
        return [.. AlertConfigValidator.Validate(file)
            .Select(x => x.StartsWith(GuildPath, StringComparison.Ordinal) ? x[GuildPath.Length..] : x)];
    }

    private async Task ChangeLinkAsync(string guildId, Action<GuildLink> change, CancellationToken ct)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var link = await db.GuildLinks.SingleOrDefaultAsync(x => x.GuildId == guildId, ct)
                ?? throw new InvalidOperationException($"Guild {guildId} is not linked; validate first.");
            change(link);
            await db.SaveChangesAsync(ct);
        }

        await changes.BumpAsync(ChangeMarkers.Rules, ct);
    }

    private static AlertConfigFile OneFollowFile(string guildId, FollowConfig follow) => new()
    {
        Version = AlertConfigFile.CurrentVersion,
        Guilds = [new GuildConfig { GuildId = guildId, Follow = [follow] }],
    };

    /// <summary>"follow[2].login: …" reads "login: …" on a form that adds one channel; the validator's own
    /// "already followed at guilds[0].follow[0]" loses its file path too.</summary>
    private static string WithoutFollowIndex(string problem)
    {
        var tidy = problem.Replace(GuildPath, "", StringComparison.Ordinal);
        if (!tidy.StartsWith("follow[", StringComparison.Ordinal))
        {
            return tidy;
        }

        var close = tidy.IndexOf("].", StringComparison.Ordinal);
        tidy = close < 0 ? tidy : tidy[(close + 2)..];
        var at = tidy.IndexOf(" at follow[", StringComparison.Ordinal);
        return at < 0 ? tidy : tidy[..at];
    }
}
