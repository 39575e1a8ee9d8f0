using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Discord;

/// <summary>Guilds, roles, members and channels as the bot sees them, and member role changes with Discord's
/// permission and hierarchy rules. https://discord.com/developers/docs/resources/guild</summary>
public sealed partial class FakeDiscord
{
    private const ulong ViewChannel = 1UL << 10;
    private const ulong SendMessages = 1UL << 11;

    private readonly Dictionary<string, FakeGuild> guilds = new(StringComparer.Ordinal);

    /// <summary>The bot's user id, as GET /users/@me answers it.</summary>
    public string BotUserId { get; } = "700000000000000001";

    /// <summary>Adds a guild the bot is in, with @everyone and the bot's managed role; its text channels are also
    /// channels the bot can post in, subject to their overwrites.</summary>
    public FakeGuild AddGuild(string guildId, string ownerId, string name = "Test server")
    {
        lock (gate)
        {
            var guild = new FakeGuild(gate, guildId, name, ownerId, BotUserId);
            guilds[guildId] = guild;
            return guild;
        }
    }

    public FakeGuild Guild(string guildId)
    {
        lock (gate)
        {
            return guilds[guildId];
        }
    }

    /// <summary>Under <see cref="gate"/>: the guild that holds a channel, if any.</summary>
    private FakeGuild? GuildOfChannel(string channelId) => guilds.Values.FirstOrDefault(g => g.HasChannel(channelId));

    /// <summary>Under <see cref="gate"/>: whether the bot may post in a guild channel. 50001 without View Channel
    /// (or outside the guild), 50013 without Send Messages.
    /// https://discord.com/developers/docs/topics/opcodes-and-status-codes#json</summary>
    private static FakeDiscordAnswer? CheckPostPermission(FakeGuild guild, string channelId)
    {
        if (!guild.HasMember(guild.BotUserId))
        {
            return FakeDiscordAnswer.Error(403, 50001, "Missing Access");
        }

        var permissions = guild.BotPermissionsIn(channelId);
        if ((permissions & ViewChannel) == 0)
        {
            return FakeDiscordAnswer.Error(403, 50001, "Missing Access");
        }

        return (permissions & SendMessages) == 0 ? FakeDiscordAnswer.Error(403, 50013, "Missing Permissions") : null;
    }

    private FakeDiscordAnswer HandleResource(FakeResourceRoute resource, string query)
    {
        lock (gate)
        {
            if (resource.Kind == FakeResource.BotUser)
            {
                return FakeDiscordAnswer.Ok(new JsonObject
                {
                    ["id"] = BotUserId,
                    ["username"] = "TwitchRelay",
                    ["global_name"] = null,
                    ["avatar"] = null,
                    ["bot"] = true,
                });
            }

            if (resource.Kind == FakeResource.BotGuilds)
            {
                return BotGuilds(query);
            }

            if (!guilds.TryGetValue(resource.GuildId!, out var guild))
            {
                return FakeDiscordAnswer.Error(404, 10004, "Unknown Guild");
            }

            if (!guild.HasMember(guild.BotUserId))
            {
                return FakeDiscordAnswer.Error(403, 50001, "Missing Access");
            }

            return resource.Kind switch
            {
                FakeResource.Guild => FakeDiscordAnswer.Ok(guild.ToJson()),
                FakeResource.GuildChannels => FakeDiscordAnswer.Ok(guild.ChannelsJson()),
                FakeResource.GuildRoles => FakeDiscordAnswer.Ok(guild.RolesJson()),
                FakeResource.GuildMember => guild.HasMember(resource.UserId!)
                    ? FakeDiscordAnswer.Ok(guild.MemberJson(resource.UserId!))
                    : FakeDiscordAnswer.Error(404, 10007, "Unknown Member"),
                _ => ChangeRole(guild, resource),
            };
        }
    }

    private FakeDiscordAnswer BotGuilds(string query)
    {
        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        var limit = int.TryParse(parameters["limit"], CultureInfo.InvariantCulture, out var l) ? l : 200;
        var after = ulong.TryParse(parameters["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
        if (limit is < 1 or > 200)
        {
            return FakeDiscordAnswer.Error(400, 50035, "Invalid Form Body");
        }

        var page = guilds.Values
            .Where(g => g.HasMember(g.BotUserId))
            .Select(g => (Id: ulong.Parse(g.Id, CultureInfo.InvariantCulture), Guild: g))
            .Where(g => g.Id > after)
            .OrderBy(g => g.Id)
            .Take(limit)
            .Select(g => (JsonNode)g.Guild.ToPartialJson());
        return FakeDiscordAnswer.Ok(new JsonArray([.. page]));
    }

    private static FakeDiscordAnswer ChangeRole(FakeGuild guild, FakeResourceRoute resource)
    {
        if (!guild.HasRole(resource.RoleId!))
        {
            return FakeDiscordAnswer.Error(404, 10011, "Unknown Role");
        }

        if (!guild.HasMember(resource.UserId!))
        {
            return FakeDiscordAnswer.Error(404, 10007, "Unknown Member");
        }

        if (!guild.BotCanManage(resource.RoleId!))
        {
            return FakeDiscordAnswer.Error(403, 50013, "Missing Permissions");
        }

        if (resource.Kind == FakeResource.AddMemberRole)
        {
            guild.GiveRole(resource.UserId!, resource.RoleId!);
        }
        else
        {
            guild.TakeRole(resource.UserId!, resource.RoleId!);
        }

        return FakeDiscordAnswer.NoContent();
    }
}
