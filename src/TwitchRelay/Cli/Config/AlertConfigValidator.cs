using System.Globalization;
using TwitchRelay.Alerts;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Cli.Config;

/// <summary>Checks a whole file and reports every problem with its path
/// (<c>guilds[0].alerts[3].event: unknown event key "folow"</c>), so one run shows the admin all there is to fix.
/// </summary>
public static class AlertConfigValidator
{
    private const int MaxMentionRoles = 100;
    private const string DiscordIdRule = "must be a Discord id (a 64-bit number of 17 to 20 digits)";
    private const string RoleIdRule = "must be a Discord role id (a 64-bit number of 17 to 20 digits)";

    public static IReadOnlyList<string> Validate(AlertConfigFile file)
    {
        var errors = new List<string>();
        if (file.Version != AlertConfigFile.CurrentVersion)
        {
            var got = file.Version?.ToString(CultureInfo.InvariantCulture) ?? "nothing";
            errors.Add($"version: must be {AlertConfigFile.CurrentVersion}, got {got}");
        }

        if (file.Guilds is null)
        {
            errors.Add("guilds: required (a list, possibly empty)");
            return errors;
        }

        var seenGuilds = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < file.Guilds.Count; g++)
        {
            ValidateGuild(file.Guilds[g], $"guilds[{g}]", seenGuilds, errors);
        }

        return errors;
    }

    private static void ValidateGuild(GuildConfig? guild, string path, HashSet<string> seen, List<string> errors)
    {
        if (guild is null)
        {
            errors.Add($"{path}: must be an object");
            return;
        }

        if (!Ids.IsSnowflake(guild.GuildId))
        {
            errors.Add($"{path}.guildId: {DiscordIdRule}, got {Show(guild.GuildId)}");
        }
        else if (!seen.Add(guild.GuildId!))
        {
            errors.Add($"{path}.guildId: guild {guild.GuildId} appears twice");
        }

        if (!Ids.IsTwitchUserId(guild.BroadcasterId))
        {
            errors.Add($"{path}.broadcasterId: must be a Twitch user id (digits), got {Show(guild.BroadcasterId)}");
        }

        if (guild.AdminChannelId is not null && !Ids.IsSnowflake(guild.AdminChannelId))
        {
            errors.Add($"{path}.adminChannelId: {DiscordIdRule}, "
                + $"got {Show(guild.AdminChannelId)}");
        }

        ValidateOptionalId(guild.LiveRoleId, $"{path}.liveRoleId", RoleIdRule, errors);
        ValidateOptionalId(guild.StreamerDiscordUserId, $"{path}.streamerDiscordUserId", DiscordIdRule, errors);
        ValidateFollows(guild.Follow, $"{path}.follow", errors);
        if (guild.SubscriberRoles is { } roles)
        {
            ValidateSubscriberRoles(roles, $"{path}.subscriberRoles", errors);
        }

        if (guild.Alerts is null)
        {
            errors.Add($"{path}.alerts: required (a list, possibly empty)");
            return;
        }

        var destinations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < guild.Alerts.Count; a++)
        {
            var alert = guild.Alerts[a];
            ValidateAlert(alert, $"{path}.alerts[{a}]", errors);
            var key = $"{alert?.Event}|{alert?.ChannelId}|{alert?.WebhookUrl}";
            if (alert is not null && !destinations.TryAdd(key, a))
            {
                errors.Add($"{path}.alerts[{a}]: the same event and destination as alerts[{destinations[key]}] "
                    + "(it would post twice)");
            }
        }
    }

    private static void ValidateAlert(AlertConfig? alert, string path, List<string> errors)
    {
        if (alert is null)
        {
            errors.Add($"{path}: must be an object");
            return;
        }

        var definition = EventCatalog.Find(alert.Event ?? "");
        if (definition is null)
        {
            errors.Add($"{path}.event: unknown event key {Show(alert.Event)}{Suggest(alert.Event)}");
        }

        ValidateDestination(alert, path, errors);
        ValidateOfflineAction(alert, path, errors);
        ValidateMentions(alert.MentionRoleIds, $"{path}.mentionRoleIds", errors);
        if (alert.Template is { } template && string.IsNullOrWhiteSpace(template))
        {
            errors.Add($"{path}.template: empty; leave it out for the default text");
        }
        else if (alert.Template is not null && definition is not null)
        {
            foreach (var problem in TemplateValidator.Validate(definition.Key, alert.Template))
            {
                errors.Add($"{path}.template: {problem}");
            }
        }
    }

    private static void ValidateDestination(AlertConfig alert, string path, List<string> errors)
    {
        var hasChannel = alert.ChannelId is not null;
        var hasWebhook = alert.WebhookUrl is not null;
        if (hasChannel == hasWebhook)
        {
            errors.Add($"{path}: give exactly one of channelId and webhookUrl");
            return;
        }

        if (hasChannel && !Ids.IsSnowflake(alert.ChannelId))
        {
            errors.Add($"{path}.channelId: {DiscordIdRule}, got {Show(alert.ChannelId)}");
        }

        if (hasWebhook && !DiscordWebhookUrl.TryParse(alert.WebhookUrl, out _, out _))
        {
            // The URL holds a secret token: never echo it back.
            errors.Add($"{path}.webhookUrl: must be a Discord webhook URL "
                + "(https://discord.com/api/webhooks/ID/TOKEN)");
        }
    }

    private static void ValidateOptionalId(string? id, string path, string rule, List<string> errors)
    {
        if (id is not null && !Ids.IsSnowflake(id))
        {
            errors.Add($"{path}: {rule}, got {Show(id)}");
        }
    }

    private static void ValidateFollows(List<FollowConfig?>? follows, string path, List<string> errors)
    {
        if (follows is null)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var f = 0; f < follows.Count; f++)
        {
            var follow = follows[f];
            if (follow is null)
            {
                errors.Add($"{path}[{f}]: must be an object");
                continue;
            }

            if (!Ids.IsTwitchLogin(follow.Login))
            {
                errors.Add($"{path}[{f}].login: must be a Twitch login (up to 25 letters, digits or _), "
                    + $"got {Show(follow.Login)}");
            }
            else if (!seen.TryAdd(follow.Login!, f))
            {
                errors.Add($"{path}[{f}].login: \"{follow.Login}\" is already followed at "
                    + $"{path}[{seen[follow.Login!]}]");
            }

            ValidateOptionalId(follow.DiscordUserId, $"{path}[{f}].discordUserId", DiscordIdRule, errors);
        }
    }

    private static void ValidateOfflineAction(AlertConfig alert, string path, List<string> errors)
    {
        if (alert.OfflineAction is not { } action)
        {
            return;
        }

        if (alert.Event != EventKeys.StreamOnline)
        {
            errors.Add($"{path}.offlineAction: only a \"{EventKeys.StreamOnline}\" alert has a go-live post to end");
        }
        else if (!StreamOfflineActions.All.Contains(action, StringComparer.Ordinal))
        {
            errors.Add($"{path}.offlineAction: must be one of {string.Join(", ", StreamOfflineActions.All)}, "
                + $"got {Show(action)}");
        }
    }

    private static void ValidateMentions(List<string?>? roles, string path, List<string> errors)
    {
        if (roles is null)
        {
            return;
        }

        if (roles.Count > MaxMentionRoles)
        {
            errors.Add($"{path}: at most {MaxMentionRoles} roles (Discord's allowed_mentions limit)");
        }

        for (var r = 0; r < roles.Count; r++)
        {
            if (!Ids.IsSnowflake(roles[r]))
            {
                errors.Add($"{path}[{r}]: {RoleIdRule}, got {Show(roles[r])}");
            }
        }

        if (roles.Distinct(StringComparer.Ordinal).Count() != roles.Count)
        {
            errors.Add($"{path}: a role is listed twice");
        }
    }

    private static string Suggest(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "";
        }

        var closest = EventCatalog.All
            .Select(x => (x.Key, Distance: EditDistance(key, x.Key)))
            .OrderBy(x => x.Distance)
            .First();
        return closest.Distance <= 2 ? $" (did you mean \"{closest.Key}\"?)" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static string Show(string? value) => value is null ? "nothing" : $"\"{value}\"";

    private static void ValidateSubscriberRoles(SubscriberRolesConfig roles, string path, List<string> errors)
    {
        var ids = new (string Name, string? Value)[]
        {
            ("roleId", roles.RoleId),
            ("tier1000", roles.Tier1000),
            ("tier2000", roles.Tier2000),
            ("tier3000", roles.Tier3000),
            ("giftRoleId", roles.GiftRoleId),
        };
        foreach (var (name, value) in ids.Where(x => x.Value is not null && !Ids.IsSnowflake(x.Value)))
        {
            errors.Add($"{path}.{name}: {DiscordIdRule}, got {Show(value)}");
        }

        var perTier = roles.Tier1000 is not null || roles.Tier2000 is not null || roles.Tier3000 is not null;
        if (roles.RoleId is not null && perTier)
        {
            errors.Add($"{path}.roleId: give either one role for every tier (roleId) or roles per tier "
                + "(tier1000, tier2000, tier3000), not both");
        }
        else if (roles.RoleId is null && !perTier && roles.GiftRoleId is null)
        {
            errors.Add($"{path}: name at least one role (roleId, or tier1000 / tier2000 / tier3000)");
        }
    }
}
