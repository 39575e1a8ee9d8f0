using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.OAuth;
using TwitchRelay.Twitch.Subscriptions;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Twitch.Linking;

/// <summary>Un-link: the guild's link, rules, role settings, deliveries and shared messages go in one transaction.
/// When no other guild uses the account, its EventSub subscriptions are deleted and its token revoked at Twitch first
/// (https://dev.twitch.tv/docs/authentication/revoke-tokens/), then the account and its tokens are deleted too. The
/// roles the service gave in the guild are taken back afterwards, since nothing maintains them any more.</summary>
public sealed partial class Unlinker(
    IDbContextFactory<RelayDbContext> contexts,
    SubscriptionReconciler reconciler,
    AccountTokens tokens,
    TwitchAuthClient auth,
    ChangeMarkers changes,
    IUnlinkRoleCleanup roles,
    IOptions<EventSubOptions> eventSub,
    ILogger<Unlinker> logger)
{
    /// <summary>Returns null when the guild had no link.</summary>
    public async Task<UnlinkResult?> UnlinkAsync(string guildId, CancellationToken cancellationToken)
    {
        string accountId;
        bool lastGuild;
        await using (var db = contexts.CreateDbContext())
        {
            var link = await db.GuildLinks.FindAsync([guildId], cancellationToken);
            if (link is null)
            {
                return null;
            }

            accountId = link.BroadcasterId;
            lastGuild = !await db.GuildLinks.AnyAsync(
                x => x.BroadcasterId == accountId && x.GuildId != guildId,
                cancellationToken);
        }

        if (lastGuild)
        {
            await ReleaseAtTwitchAsync(accountId, cancellationToken);
        }

        var given = await roles.RolesGivenAsync(guildId, cancellationToken);
        await DeleteLocallyAsync(guildId, lastGuild ? accountId : null, cancellationToken);
        await changes.BumpAsync(ChangeMarkers.Links, cancellationToken);
        LogUnlinked(guildId, accountId, lastGuild);

        var taken = await roles.TakeBackAsync(guildId, given, cancellationToken);
        return new UnlinkResult(taken, given.Count - taken);
    }

    /// <summary>For an account no guild uses any more (a guild re-linked to another account): release it at Twitch
    /// and delete it with its tokens.</summary>
    public async Task ReleaseAccountIfUnusedAsync(string accountId, CancellationToken cancellationToken)
    {
        await using (var db = contexts.CreateDbContext())
        {
            if (await db.GuildLinks.AnyAsync(x => x.BroadcasterId == accountId, cancellationToken))
            {
                return;
            }
        }

        await ReleaseAtTwitchAsync(accountId, cancellationToken);
        await using var cleanup = contexts.CreateDbContext();
        await cleanup.TwitchAccounts.Where(x => x.UserId == accountId).ExecuteDeleteAsync(cancellationToken);
        await changes.BumpAsync(ChangeMarkers.Links, cancellationToken);
    }

    /// <summary>Best effort: a Twitch failure is logged, and the local wipe still happens.</summary>
    private async Task ReleaseAtTwitchAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await reconciler.DeleteAllAsync(accountId, eventSub.Value.UsesWebhooks, cancellationToken);
            var token = await tokens.GetAccessTokenAsync(accountId, cancellationToken);
            var revoked = token is not null && await auth.RevokeAsync(token, cancellationToken);
            LogReleased(accountId, deleted, revoked);
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException)
        {
            LogReleaseFailed(exception, accountId);
        }
    }

    private async Task DeleteLocallyAsync(string guildId, string? accountId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ThreadMessages.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.Deliveries.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.AlertRules.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.FollowedChannels.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.SubscriberRoleGrants.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.LinkRequests.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.LinkTickets.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        await db.GuildLinks.Where(x => x.GuildId == guildId).ExecuteDeleteAsync(cancellationToken);
        if (accountId is not null)
        {
            await db.TwitchAccounts.Where(x => x.UserId == accountId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3740, Level = LogLevel.Information,
        Message = "Un-linked guild {GuildId} from account {AccountId}; account removed: {AccountRemoved}")]
    private partial void LogUnlinked(string guildId, string accountId, bool accountRemoved);

    [LoggerMessage(EventId = 3741, Level = LogLevel.Information,
        Message = "Released account {AccountId} at Twitch: {Deleted} subscriptions deleted, token revoked: {Revoked}")]
    private partial void LogReleased(string accountId, int deleted, bool revoked);

    [LoggerMessage(EventId = 3742, Level = LogLevel.Warning,
        Message = "Could not release account {AccountId} at Twitch; its local data is deleted anyway")]
    private partial void LogReleaseFailed(Exception exception, string accountId);
}

/// <summary>What an un-link did at Discord: roles the service gave that were taken back, and those Discord refused.
/// </summary>
public sealed record UnlinkResult(int RolesTaken, int RolesLeft);
