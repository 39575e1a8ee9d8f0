using Microsoft.Extensions.Caching.Memory;
using TwitchRelay.Cli.Config;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>The guild as the bot sees it, for the pickers and the permission check: text channels, roles, and what
/// the bot may do in a channel. Read with the bot token through <see cref="DiscordGuildClient"/>.</summary>
public sealed class GuildDirectory(DiscordGuildClient discord, BotPresence presence)
{
    private const string CannotReadGuild =
        "Discord did not let the bot read this server (is the bot in it, and is Discord:BotToken set?).";

    private const string NotOwnChannel = "That channel is not one of this server's text channels.";

    /// <summary>False only when Discord says the bot is not in the guild: asking it about such a guild would earn
    /// 403s, which count toward Discord's invalid-request limit
    /// (https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans).</summary>
    public async Task<bool> BotMayBeInAsync(string guildId, CancellationToken ct) =>
        await presence.GuildIdsAsync(ct) is not { } ids || ids.Contains(guildId);

    /// <summary>Null when Discord could not say (no bot token, the bot not in the guild, Discord down): the pickers
    /// then take a pasted id.</summary>
    public async Task<IReadOnlyList<ChannelChoice>?> TextChannelsAsync(string guildId, CancellationToken ct)
    {
        if (!await BotMayBeInAsync(guildId, ct))
        {
            return null;
        }

        var channels = await discord.GetChannelsAsync(guildId, ct);
        return channels is DiscordOk<IReadOnlyList<DiscordChannel>> ok
            ? [.. ok.Value.Where(x => x.IsTextLike).OrderBy(x => x.Position).Select(x => new ChannelChoice(x.Id,
                x.Name ?? x.Id))]
            : null;
    }

    /// <summary>Roles an alert can mention: not @everyone (its id is the guild's) and not managed (bot and
    /// integration roles).</summary>
    public async Task<IReadOnlyList<DiscordRole>?> RolesAsync(string guildId, CancellationToken ct)
    {
        if (!await BotMayBeInAsync(guildId, ct))
        {
            return null;
        }

        var roles = await discord.GetRolesAsync(guildId, ct);
        return roles is DiscordOk<IReadOnlyList<DiscordRole>> ok
            ? [.. ok.Value.Where(x => x.Id != guildId && !x.Managed).OrderByDescending(x => x.Position)]
            : null;
    }

    /// <summary>For a rule that is switched off (no permission check yet): the channel must still be one of this
    /// guild's text channels, or a test alert or a resend would post into a server the admin does not manage. Empty
    /// when it is.</summary>
    public async Task<IReadOnlyList<string>> ProblemsWithChannelAsync(
        string guildId,
        string channelId,
        CancellationToken ct)
    {
        var channels = await TextChannelsAsync(guildId, ct);
        if (channels is null)
        {
            return [CannotReadGuild];
        }

        return channels.Any(x => x.Id == channelId) ? [] : [NotOwnChannel];
    }

    /// <summary>Whether Discord knows the webhook of a rule about to be saved, so a deleted webhook or a URL cut
    /// short is named now rather than at the first alert. Empty when it does, or when Discord cannot be asked (an
    /// outage does not block saving; the first alert or a test alert will say).</summary>
    public async Task<IReadOnlyList<string>> ProblemsWithWebhookAsync(string webhookUrl, CancellationToken ct)
    {
        if (!DiscordWebhookUrl.TryParse(webhookUrl, out var id, out var token))
        {
            return [];
        }

        return await discord.GetWebhookAsync(id, token, ct) is DiscordFailed { IsUnknownWebhook: true }
            ? ["Discord does not know this webhook: it was deleted, or its URL was not copied whole."]
            : [];
    }

    /// <summary>What stops the bot from posting an alert in <paramref name="channelId"/> that mentions
    /// <paramref name="roleIds"/>, in words an admin can act on; empty when nothing does.
    /// https://discord.com/developers/docs/topics/permissions#permission-overwrites</summary>
    public async Task<IReadOnlyList<string>> ProblemsPostingAsync(
        string guildId,
        string channelId,
        IReadOnlyList<string> roleIds,
        CancellationToken ct)
    {
        if (!await BotMayBeInAsync(guildId, ct))
        {
            return ["The bot is not in this server: add it from the server list first."];
        }

        var guildResult = await discord.GetGuildAsync(guildId, ct);
        var channelsResult = await discord.GetChannelsAsync(guildId, ct);
        var memberResult = await discord.GetBotMemberAsync(guildId, ct);
        var botResult = await discord.GetBotUserAsync(ct);
        if (guildResult is not DiscordOk<DiscordGuild> { Value: var guild }
            || channelsResult is not DiscordOk<IReadOnlyList<DiscordChannel>> { Value: var channels }
            || memberResult is not DiscordOk<DiscordMember> { Value: var member }
            || botResult is not DiscordOk<DiscordUser> { Value: var bot })
        {
            return [CannotReadGuild];
        }

        var channel = channels.FirstOrDefault(x => x.Id == channelId);
        if (channel is null || !channel.IsTextLike)
        {
            return [NotOwnChannel];
        }

        var held = DiscordPermissions.InChannel(guild, member, bot.Id, channel);
        var problems = new List<string>();
        var missing = DiscordPermissions.Missing(held, DiscordPermissions.ToPostAlerts);
        if (missing.Count > 0)
        {
            problems.Add($"In #{channel.Name} the bot lacks: {string.Join(", ", missing)}.");
        }

        foreach (var roleId in roleIds)
        {
            var role = guild.Roles.FirstOrDefault(x => x.Id == roleId);
            if (role is null)
            {
                problems.Add($"Role {roleId} is not one of this server's roles.");
            }
            else if (!role.Mentionable && !held.HasFlag(DiscordPermission.MentionEveryone))
            {
                // https://discord.com/developers/docs/topics/permissions: pinging a role that is not mentionable
                // needs Mention @everyone, @here and All Roles.
                problems.Add($"@{role.Name} is not mentionable and the bot lacks Mention Everyone in "
                    + $"#{channel.Name}: the alert would not ping it.");
            }
        }

        return problems;
    }
}

public sealed record ChannelChoice(string Id, string Name);

/// <summary>The model of the <c>_ChannelPicker</c> partial.</summary>
public sealed record ChannelPicker(
    string Name,
    string? Selected,
    IReadOnlyList<ChannelChoice>? Choices,
    bool AllowNone);

/// <summary>Which guilds the bot is in, asked from Discord with the bot token and kept briefly.</summary>
public sealed class BotPresence(DiscordGuildClient discord, IMemoryCache cache)
{
    private const string CacheKey = "dashboard:bot-guilds";

    /// <summary>Null when Discord could not say (no bot token, Discord down).</summary>
    public async Task<IReadOnlySet<string>?> GuildIdsAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlySet<string>? cached))
        {
            return cached;
        }

        var result = await discord.GetBotGuildsAsync(ct);
        if (result is not DiscordOk<IReadOnlyList<DiscordPartialGuild>> ok)
        {
            return null;
        }

        IReadOnlySet<string> ids = ok.Value.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        cache.Set(CacheKey, ids, ManagedGuilds.CacheFor);
        return ids;
    }
}
