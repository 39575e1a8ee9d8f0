using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Delivery;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Roles.Subscribers;

/// <summary>Applies owed subscriber role changes: a sub or resub gives the guild's role to the connected member at
/// once; an end takes the roles this service gave after <c>Roles:SubscriberEndGrace</c>, unless the member renewed
/// meanwhile. Role errors are handled by name and never retried: a member who left (10007) is skipped; a deleted
/// role (10011) or a role the bot may not manage (50013) is told to the guild's admins once.</summary>
internal sealed partial class SubscriberRoleWorker(
    IDbContextFactory<RelayDbContext> contexts,
    DiscordGuildClient guilds,
    AdminNotices notices,
    IOptions<SubscriberRoleOptions> options,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<SubscriberRoleWorker> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private const int MaxAttempts = 5;
    private readonly WorkSignal wake = new();

    /// <summary>Asks for a pass now (after a connect, or in tests).</summary>
    public void Wake() => wake.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DbException exception)
            {
                LogPassFailed(exception);
            }

            try
            {
                // Polled on the real clock like the dispatcher; what is due is decided on the TimeProvider.
                await wake.WaitAsync(delivery.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Handles up to one batch of due events; returns how many.</summary>
    internal async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var due = await db.SubscriberEvents
            .Where(e => e.ProcessedAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var item in due)
        {
            if (item.IsEnd && !item.GraceApplied)
            {
                item.GraceApplied = true;
                item.NextAttemptAt = item.CreatedAt + options.Value.SubscriberEndGrace;
                if (item.NextAttemptAt > now)
                {
                    continue;
                }
            }

            await ApplyAsync(db, item, now, ct);
            await db.SaveChangesAsync(ct);
        }

        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    private async Task ApplyAsync(RelayDbContext db, SubscriberEvent item, DateTimeOffset now, CancellationToken ct)
    {
        if (item.IsEnd && await db.SubscriberEvents.AnyAsync(
                e => e.BroadcasterId == item.BroadcasterId && e.TwitchUserId == item.TwitchUserId && !e.IsEnd
                    && e.Id > item.Id,
                ct))
        {
            Finish(item, now, "renewed during the grace period: roles kept");
            return;
        }

        var member = await db.MemberLinks.AsNoTracking()
            .FirstOrDefaultAsync(m => m.TwitchUserId == item.TwitchUserId, ct);
        if (member is null)
        {
            Finish(item, now, "no Discord member has connected this Twitch account");
            return;
        }

        var links = await db.GuildLinks
            .Where(l => l.BroadcasterId == item.BroadcasterId)
            .ToListAsync(ct);
        var outcomes = new List<string>();
        foreach (var link in links.Where(l => l.HasSubscriberRoles))
        {
            var outcome = item.IsEnd
                ? await TakeAsync(db, link, member.DiscordUserId, ct)
                : await GiveAsync(db, link, member.DiscordUserId, item, now, ct);
            if (outcome is null)
            {
                // Discord asked to wait: the whole event is tried again (adding a role twice is harmless).
                item.Attempts++;
                item.NextAttemptAt = now + TimeSpan.FromSeconds(30 * item.Attempts);
                if (item.Attempts >= MaxAttempts)
                {
                    Finish(item, now, "Discord kept answering 5xx or 429; given up");
                }

                return;
            }

            outcomes.Add(outcome);
        }

        Finish(item, now, outcomes.Count == 0 ? "no guild has subscriber roles" : string.Join("; ", outcomes));
    }

    private async Task<string?> GiveAsync(
        RelayDbContext db,
        GuildLink link,
        string userId,
        SubscriberEvent item,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var roleId = link.SubscriberRoleFor(item.Tier, item.IsGift);
        if (roleId is null)
        {
            return $"{link.GuildId}: no role for tier {item.Tier}{(item.IsGift ? " gifts" : "")}";
        }

        var reason = $"Twitch subscriber (tier {item.Tier[..1]}{(item.IsGift ? ", gifted" : "")})";
        var result = await guilds.AddMemberRoleAsync(link.GuildId, userId, roleId, reason, ct);
        switch (result)
        {
            case DiscordDone:
                if (await db.SubscriberRoleGrants.FindAsync([link.GuildId, userId, roleId], ct) is null)
                {
                    db.SubscriberRoleGrants.Add(new SubscriberRoleGrant
                    {
                        GuildId = link.GuildId,
                        DiscordUserId = userId,
                        RoleId = roleId,
                        TwitchUserId = item.TwitchUserId,
                        GrantedAt = now,
                    });
                }

                ClearProblemSolvedBy(link, roleId);
                LogGave(roleId, userId, link.GuildId);
                var swapped = await TakeOutdatedAsync(db, link.GuildId, userId, roleId, ct);
                return $"{link.GuildId}: gave role {roleId}{swapped}";
            case DiscordRetryLater:
                return null;
            case DiscordFailed { IsUnknownMember: true }:
                return $"{link.GuildId}: member {userId} is not in the server";
            default:
                return await ReportAsync(link, roleId, (DiscordFailed)result, ct);
        }
    }

    /// <summary>A member holds one subscription to a channel at a time: roles given for an earlier tier (or for a
    /// gift before their own sub) are taken when another is given. One Discord refuses stays recorded, so the end of
    /// the subscription or Un-link still takes it.</summary>
    private async Task<string> TakeOutdatedAsync(
        RelayDbContext db,
        string guildId,
        string userId,
        string currentRoleId,
        CancellationToken ct)
    {
        var outdated = await db.SubscriberRoleGrants
            .Where(g => g.GuildId == guildId && g.DiscordUserId == userId && g.RoleId != currentRoleId)
            .ToListAsync(ct);
        var taken = new List<string>();
        foreach (var grant in outdated)
        {
            var result = await guilds.RemoveMemberRoleAsync(
                guildId, userId, grant.RoleId, "Twitch subscription changed tier", ct);
            if (result is DiscordDone
                or DiscordFailed { IsUnknownRole: true }
                or DiscordFailed { IsUnknownMember: true })
            {
                db.SubscriberRoleGrants.Remove(grant);
                LogTook(grant.RoleId, userId, guildId);
                taken.Add(grant.RoleId);
            }
        }

        return taken.Count == 0 ? "" : $", took {string.Join(", ", taken)}";
    }

    private async Task<string?> TakeAsync(RelayDbContext db, GuildLink link, string userId, CancellationToken ct)
    {
        var grants = await db.SubscriberRoleGrants
            .Where(g => g.GuildId == link.GuildId && g.DiscordUserId == userId)
            .ToListAsync(ct);
        var outcomes = new List<string>();
        foreach (var grant in grants)
        {
            var result = await guilds.RemoveMemberRoleAsync(
                link.GuildId, userId, grant.RoleId, "Twitch subscription ended", ct);
            switch (result)
            {
                case DiscordRetryLater:
                    return null;
                case DiscordDone:
                    LogTook(grant.RoleId, userId, link.GuildId);
                    outcomes.Add($"{link.GuildId}: took role {grant.RoleId}");
                    break;
                case DiscordFailed { IsUnknownMember: true } or DiscordFailed { IsUnknownRole: true }:
                    outcomes.Add($"{link.GuildId}: role {grant.RoleId} or member {userId} is gone");
                    break;
                default:
                    outcomes.Add(await ReportAsync(link, grant.RoleId, (DiscordFailed)result, ct));
                    continue;
            }

            db.SubscriberRoleGrants.Remove(grant);
        }

        return outcomes.Count == 0 ? $"{link.GuildId}: no role to take" : string.Join("; ", outcomes);
    }

    /// <summary>A role that works clears the shown problem only when that problem was about this role or about none
    /// of the guild's other subscriber roles (Manage Roles missing, say): a tier role working says nothing about a
    /// deleted gift role, whose problem must stay in front of the admins.</summary>
    private static void ClearProblemSolvedBy(GuildLink link, string roleId)
    {
        if (link.SubscriberRoleProblem is not { } shown || shown.Contains(roleId, StringComparison.Ordinal))
        {
            link.SubscriberRoleProblem = null;
            return;
        }

        if (!link.SubscriberRoleIds.Any(other => other != roleId && shown.Contains(other, StringComparison.Ordinal)))
        {
            link.SubscriberRoleProblem = null;
        }
    }

    /// <summary>Names the problem for the guild's admins (once per distinct problem) and returns it.</summary>
    private async Task<string> ReportAsync(GuildLink link, string roleId, DiscordFailed failed, CancellationToken ct)
    {
        var problem = failed switch
        {
            { IsUnknownRole: true } =>
                $"the subscriber role {roleId} no longer exists; set another on the dashboard (Stream & roles) "
                    + "or in the rules file",
            { IsMissingPermissions: true } => await PermissionProblemAsync(link.GuildId, roleId, ct),
            _ => $"Discord refused a subscriber role change: {failed.Reason}",
        };
        if (link.SubscriberRoleProblem != problem)
        {
            link.SubscriberRoleProblem = problem;
            LogProblem(link.GuildId, problem);
            if (link.AdminChannelId is { } channel)
            {
                var nonce = Convert.ToHexStringLower(
                    System.Security.Cryptography.SHA256.HashData(
                        System.Text.Encoding.UTF8.GetBytes($"{link.GuildId}|{problem}")).AsSpan(0, 12));
                await notices.PostAsync(channel, $"Subscriber roles: {problem}.", nonce, ct);
            }
        }

        return $"{link.GuildId}: {problem}";
    }

    /// <summary>A 50013 on a role change is the hierarchy or Manage Roles; say which.</summary>
    private async Task<string> PermissionProblemAsync(string guildId, string roleId, CancellationToken ct)
    {
        const string Generic = "the bot may not manage the subscriber role; give it Manage Roles and drag its role "
            + "above the subscriber roles in Server Settings > Roles";
        if (await guilds.GetGuildAsync(guildId, ct) is not DiscordOk<DiscordGuild> guild
            || await guilds.GetBotUserAsync(ct) is not DiscordOk<DiscordUser> bot
            || await guilds.GetMemberAsync(guildId, bot.Value.Id, ct) is not DiscordOk<DiscordMember> member)
        {
            return Generic;
        }

        return DiscordRoleCheck.Problem(guild.Value, member.Value, bot.Value.Id, roleId) is { } named
            ? $"the bot cannot give role {roleId}: {named}"
            : Generic;
    }

    private static void Finish(SubscriberEvent item, DateTimeOffset now, string outcome)
    {
        item.ProcessedAt = now;
        item.Outcome = outcome.Length > 1000 ? outcome[..1000] : outcome;
    }

    [LoggerMessage(EventId = 6130, Level = LogLevel.Information,
        Message = "Gave subscriber role {RoleId} to member {UserId} in guild {GuildId}")]
    private partial void LogGave(string roleId, string userId, string guildId);

    [LoggerMessage(EventId = 6131, Level = LogLevel.Information,
        Message = "Took subscriber role {RoleId} from member {UserId} in guild {GuildId}")]
    private partial void LogTook(string roleId, string userId, string guildId);

    [LoggerMessage(EventId = 6132, Level = LogLevel.Error, Message = "Subscriber roles in guild {GuildId}: {Problem}")]
    private partial void LogProblem(string guildId, string problem);

    [LoggerMessage(EventId = 6133, Level = LogLevel.Error,
        Message = "A subscriber role pass failed; will try again")]
    private partial void LogPassFailed(Exception exception);
}
