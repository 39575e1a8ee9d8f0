namespace TwitchRelay.Discord.Guilds;

/// <summary>What the bot can see of one guild, read once (the guild with its roles, the bot's member, the
/// channels), so many destinations can be checked without a Discord call each.</summary>
public sealed record GuildAccess(
    DiscordGuild Guild,
    DiscordMember BotMember,
    string BotUserId,
    IReadOnlyList<DiscordChannel> Channels)
{
    /// <summary>Reads the guild, or answers the Discord failure (the bot is not in it, the token is wrong...).
    /// </summary>
    public static async Task<(GuildAccess? Access, DiscordResult? Failure)> ReadAsync(
        DiscordGuildClient guilds,
        string guildId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(guilds);

        var read = await guilds.GetGuildAsync(guildId, ct);
        if (read is not DiscordOk<DiscordGuild> guild)
        {
            return (null, read);
        }

        var bot = await guilds.GetBotUserAsync(ct);
        if (bot is not DiscordOk<DiscordUser> user)
        {
            return (null, bot);
        }

        var member = await guilds.GetMemberAsync(guildId, user.Value.Id, ct);
        if (member is not DiscordOk<DiscordMember> botMember)
        {
            return (null, member);
        }

        var channels = await guilds.GetChannelsAsync(guildId, ct);
        return channels is DiscordOk<IReadOnlyList<DiscordChannel>> list
            ? (new GuildAccess(guild.Value, botMember.Value, user.Value.Id, list.Value), null)
            : (null, channels);
    }

    /// <summary>Why alerts could not be posted in <paramref name="channelId"/> with these role mentions; empty when
    /// nothing is missing.</summary>
    public IReadOnlyList<string> ChannelProblems(string channelId, IReadOnlyList<string> mentionRoleIds)
    {
        ArgumentNullException.ThrowIfNull(mentionRoleIds);

        var channel = Channels.FirstOrDefault(c => c.Id == channelId);
        if (channel is null)
        {
            return [$"channel {channelId} does not exist in this server, or the bot cannot see it"];
        }

        var problems = new List<string>();
        var name = $"#{channel.Name ?? channel.Id}";
        if (!channel.IsTextLike)
        {
            problems.Add($"{name} is not a text or announcement channel");
        }

        var held = DiscordPermissions.InChannel(Guild, BotMember, BotUserId, channel);
        var missing = DiscordPermissions.Missing(held, DiscordPermissions.ToPostAlerts);
        if (missing.Count > 0)
        {
            problems.Add($"in {name} the bot lacks {string.Join(", ", missing)}");
        }

        foreach (var roleId in mentionRoleIds)
        {
            problems.AddRange(MentionProblem(roleId, held));
        }

        return problems;
    }

    /// <summary>Why the bot could not give or take <paramref name="roleId"/>, or null.</summary>
    public string? RoleProblem(string roleId) => DiscordRoleCheck.Problem(Guild, BotMember, BotUserId, roleId);

    // A role pings only if it is mentionable or the sender may mention everyone; otherwise the mention shows as text.
    // https://discord.com/developers/docs/topics/permissions (MENTION_EVERYONE)
    private IEnumerable<string> MentionProblem(string roleId, DiscordPermission held)
    {
        var role = Guild.Roles.FirstOrDefault(r => r.Id == roleId);
        if (role is null)
        {
            yield return $"the mentioned role {roleId} does not exist";
        }
        else if (!role.Mentionable && !held.HasFlag(DiscordPermission.MentionEveryone))
        {
            yield return $"the role @{role.Name} is not mentionable and the bot lacks Mention @everyone, so it "
                + "will not be pinged";
        }
    }
}
