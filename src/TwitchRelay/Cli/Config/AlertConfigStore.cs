using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.Helix;

namespace TwitchRelay.Cli.Config;

/// <summary>Reads and writes alert rules as the versioned file format. Import replaces, for each guild in the file,
/// its link and all its rules, in one transaction; guilds not in the file are left alone.</summary>
public sealed class AlertConfigStore(
    IDbContextFactory<RelayDbContext> contexts,
    SecretProtector protector,
    ChangeMarkers changes,
    TimeProvider time)
{
    public static AlertConfigFile Parse(string json, out IReadOnlyList<string> errors)
    {
        try
        {
            var file = JsonSerializer.Deserialize(json, AlertConfigJsonContext.Default.AlertConfigFile);
            if (file is null)
            {
                errors = ["$: the file must hold a JSON object"];
                return new AlertConfigFile();
            }

            errors = AlertConfigValidator.Validate(file);
            return file;
        }
        catch (JsonException exception)
        {
            errors = [$"{Tidy(exception.Path)}: {Plain(FirstSentence(exception.Message), exception.Path)}"];
            return new AlertConfigFile();
        }
    }

    /// <summary>Stores a file that <see cref="Parse"/> accepted; returns the number of rules stored.</summary>
    /// <param name="file">The checked file.</param>
    /// <param name="cancellationToken">Stops the import.</param>
    /// <param name="followed">The followed channels' Twitch users by lower-case login
    /// (<see cref="FollowedChannelResolver"/>); required when the file follows any.</param>
    public async Task<int> ImportAsync(
        AlertConfigFile file,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, TwitchUser>? followed = null)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = 0;
        foreach (var guild in file.Guilds!.OfType<GuildConfig>())
        {
            await db.AlertRules.Where(x => x.GuildId == guild.GuildId).ExecuteDeleteAsync(cancellationToken);
            var link = await db.GuildLinks.FindAsync([guild.GuildId], cancellationToken);
            if (link is null)
            {
                link = new GuildLink
                {
                    GuildId = guild.GuildId!,
                    BroadcasterId = guild.BroadcasterId!,
                    CreatedAt = time.GetUtcNow(),
                };
                db.GuildLinks.Add(link);
            }

            link.BroadcasterId = guild.BroadcasterId!;
            link.AdminChannelId = guild.AdminChannelId;
            link.LiveRoleId = guild.LiveRoleId;
            link.StreamerDiscordUserId = guild.StreamerDiscordUserId;
            await db.FollowedChannels.Where(x => x.GuildId == guild.GuildId).ExecuteDeleteAsync(cancellationToken);
            var followPosition = 0;
            foreach (var follow in guild.Follow?.OfType<FollowConfig>() ?? [])
            {
                var user = followed![follow.Login!.ToLowerInvariant()];
                db.FollowedChannels.Add(new FollowedChannel
                {
                    GuildId = guild.GuildId!,
                    BroadcasterId = user.Id,
                    Login = user.Login,
                    DisplayName = user.DisplayName,
                    DiscordUserId = follow.DiscordUserId,
                    Position = followPosition++,
                });
            }

            var roles = guild.SubscriberRoles;
            link.SubscriberRoleId = roles?.RoleId;
            link.SubscriberTier1000RoleId = roles?.Tier1000;
            link.SubscriberTier2000RoleId = roles?.Tier2000;
            link.SubscriberTier3000RoleId = roles?.Tier3000;
            link.SubscriberGiftRoleId = roles?.GiftRoleId;
            link.SubscriberRolesIncludeGifts = roles?.IncludeGifts ?? true;
            link.SubscriberRoleProblem = null;
            var position = 0;
            foreach (var alert in guild.Alerts!.OfType<AlertConfig>())
            {
                db.AlertRules.Add(ToRule(guild.GuildId!, alert, position++));
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await changes.BumpAsync(ChangeMarkers.Rules, cancellationToken);
        return count;
    }

    /// <summary>Rules that cannot work for the linked account: affiliate and partner events on a regular account
    /// (Twitch refuses those subscriptions). Accounts not linked yet are not checked.</summary>
    public async Task<IReadOnlyList<string>> CheckAgainstAccountsAsync(
        AlertConfigFile file,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var errors = new List<string>();
        for (var g = 0; g < file.Guilds!.Count; g++)
        {
            var guild = file.Guilds[g]!;
            var account = await db.TwitchAccounts.AsNoTracking()
                .SingleOrDefaultAsync(x => x.UserId == guild.BroadcasterId, cancellationToken);
            if (account is null || account.BroadcasterType is "affiliate" or "partner")
            {
                continue;
            }

            for (var a = 0; a < guild.Alerts!.Count; a++)
            {
                var key = guild.Alerts[a]!.Event!;
                if (Alerts.EventCatalog.Find(key) is { RequiresAffiliate: true } && guild.Alerts[a]!.Enabled != false)
                {
                    errors.Add($"guilds[{g}].alerts[{a}].event: \"{key}\" needs an affiliate or partner account; "
                        + $"{account.Login} is a regular account");
                }
            }
        }

        return errors;
    }

    /// <summary>Checks one rule of a guild exactly as <c>config import</c> would check the guild's file with that
    /// rule in it (replacing rule <paramref name="ruleId"/>, or added when null): the same validator, the same
    /// account check. Returns the problems of that rule only, without the file path ("template: …").</summary>
    public async Task<IReadOnlyList<string>> ValidateRuleAsync(
        string guildId,
        long? ruleId,
        AlertConfig alert,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var link = await db.GuildLinks.AsNoTracking().Include(x => x.Rules)
            .SingleOrDefaultAsync(x => x.GuildId == guildId, cancellationToken);
        if (link is null)
        {
            return ["link a Twitch account first: rules belong to a linked server"];
        }

        var rules = link.Rules.OrderBy(x => x.Position).ThenBy(x => x.Id).ToList();
        var alerts = rules.Select(x => x.Id == ruleId ? alert : ToConfig(x)).ToList();
        var index = rules.FindIndex(x => x.Id == ruleId);
        if (index < 0)
        {
            alerts.Add(alert);
            index = alerts.Count - 1;
        }

        var file = new AlertConfigFile
        {
            Version = AlertConfigFile.CurrentVersion,
            Guilds = [new GuildConfig
            {
                GuildId = guildId,
                BroadcasterId = link.BroadcasterId,
                AdminChannelId = link.AdminChannelId,
                Alerts = alerts,
            }],
        };
        var prefix = $"guilds[0].alerts[{index}]";
        var errors = AlertConfigValidator.Validate(file)
            .Concat(await CheckAgainstAccountsAsync(file, cancellationToken));
        return [.. errors
            .Where(x => x.StartsWith(prefix + ".", StringComparison.Ordinal)
                || x.StartsWith(prefix + ":", StringComparison.Ordinal))
            .Select(x => x[(prefix.Length + 1)..].TrimStart())];
    }

    /// <summary>Stores one rule that <see cref="ValidateRuleAsync"/> accepted: updated in place (its id, and so its
    /// delivery history, stays) or added at the end. Returns the rule's id.</summary>
    public async Task<long> SaveRuleAsync(
        string guildId,
        long? ruleId,
        AlertConfig alert,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var fresh = ToRule(guildId, alert, 0);
        var rule = ruleId is null
            ? null
            : await db.AlertRules.SingleOrDefaultAsync(x => x.Id == ruleId && x.GuildId == guildId, cancellationToken);
        if (rule is null)
        {
            var last = await db.AlertRules.Where(x => x.GuildId == guildId)
                .MaxAsync(x => (int?)x.Position, cancellationToken);
            fresh.Position = (last ?? -1) + 1;
            db.AlertRules.Add(fresh);
            rule = fresh;
        }
        else
        {
            rule.EventKey = fresh.EventKey;
            rule.ChannelId = fresh.ChannelId;
            rule.WebhookId = fresh.WebhookId;
            rule.ProtectedWebhookToken = fresh.ProtectedWebhookToken;
            rule.MentionRoleIds = fresh.MentionRoleIds;
            rule.Template = fresh.Template;
            rule.Enabled = fresh.Enabled;
            rule.OfflineAction = fresh.OfflineAction;
            // A rule the admin saved again is the admin's decision now.
            rule.DisabledReason = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await changes.BumpAsync(ChangeMarkers.Rules, cancellationToken);
        return rule.Id;
    }

    /// <summary>Deletes one rule of a guild (and, by cascade, its deliveries). False when there was none.</summary>
    public async Task<bool> DeleteRuleAsync(string guildId, long ruleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var deleted = await db.AlertRules.Where(x => x.Id == ruleId && x.GuildId == guildId)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await changes.BumpAsync(ChangeMarkers.Rules, cancellationToken);
        }

        return deleted > 0;
    }

    /// <summary>One stored rule in the file's shape (webhook URL with its token), or null when the guild has no
    /// such rule.</summary>
    public async Task<AlertConfig?> ReadRuleAsync(string guildId, long ruleId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rule = await db.AlertRules.AsNoTracking()
            .SingleOrDefaultAsync(x => x.Id == ruleId && x.GuildId == guildId, cancellationToken);
        return rule is null ? null : ToConfig(rule);
    }

    public async Task<AlertConfigFile> ExportAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var links = await db.GuildLinks.Include(x => x.Rules).Include(x => x.Follows).AsSplitQuery()
            .OrderBy(x => x.GuildId)
            .ToListAsync(cancellationToken);
        return new AlertConfigFile
        {
            Version = AlertConfigFile.CurrentVersion,
            Guilds = links.Select(link => (GuildConfig?)(GuildRoleSettingsStore.SettingsOf(link) with
            {
                Alerts = link.Rules.OrderBy(x => x.Position).ThenBy(x => x.Id).Select(ToConfig).ToList(),
            })).ToList(),
        };
    }

    public static string Serialize(AlertConfigFile file) =>
        JsonSerializer.Serialize(file, AlertConfigJsonContext.Default.AlertConfigFile);

    private AlertRule ToRule(string guildId, AlertConfig alert, int position)
    {
        var rule = new AlertRule
        {
            GuildId = guildId,
            EventKey = alert.Event!,
            ChannelId = alert.ChannelId,
            MentionRoleIds = string.Join(',', alert.MentionRoleIds ?? []),
            Template = alert.Template,
            Enabled = alert.Enabled ?? true,
            OfflineAction = alert.OfflineAction,
            Position = position,
        };
        if (DiscordWebhookUrl.TryParse(alert.WebhookUrl, out var id, out var token))
        {
            rule.WebhookId = id;
            rule.ProtectedWebhookToken = protector.Protect(token);
        }

        return rule;
    }

    private AlertConfig? ToConfig(AlertRule rule) => new()
    {
        Event = rule.EventKey,
        ChannelId = rule.ChannelId,
        WebhookUrl = rule.WebhookId is null
            ? null
            : DiscordWebhookUrl.Format(rule.WebhookId, protector.Unprotect(rule.ProtectedWebhookToken!)),
        MentionRoleIds = rule.MentionRoleIdList.Count == 0 ? null : [.. rule.MentionRoleIdList],
        Template = rule.Template,
        Enabled = rule.Enabled,
        OfflineAction = rule.OfflineAction,
    };

    /// <summary>System.Text.Json paths read <c>$.guilds[0].alerts[1].enabled</c>; ours drop the <c>$.</c>.</summary>
    private static string Tidy(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$"
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : path;

    /// <summary>System.Text.Json speaks of .NET types (often the enclosing one); an admin writing JSON thinks in
    /// JSON, so the expected kind is told from the property the path ends in.</summary>
    private static string Plain(string message, string? path)
    {
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return "unknown property (check its spelling against the README)";
        }

        if (!message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return message;
        }

        var last = (path ?? "").Split('.')[^1];
        return last switch
        {
            "enabled" or "includeGifts" => "expected true or false",
            "subscriberRoles" => "expected an object ({ … })",
            "version" => "expected a whole number",
            "guilds" or "alerts" or "mentionRoleIds" or "follow" => "expected a list ([ … ])",
            _ when last.EndsWith(']') && last.StartsWith("mentionRoleIds", StringComparison.Ordinal) =>
                "expected text in quotes",
            _ when last.EndsWith(']') => "expected an object ({ … })",
            _ => "expected text in quotes",
        };
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
