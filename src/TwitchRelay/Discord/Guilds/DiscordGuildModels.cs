using System.Text.Json.Serialization;

namespace TwitchRelay.Discord.Guilds;

/// <summary>A user: the bot itself, or a member's user. https://discord.com/developers/docs/resources/user</summary>
public sealed record DiscordUser(string Id, string Username, string? GlobalName, string? Avatar, bool? Bot);

/// <summary>A guild as listed by GET /users/@me/guilds. https://discord.com/developers/docs/resources/user</summary>
public sealed record DiscordPartialGuild(string Id, string Name, string? Icon);

/// <summary>A guild with its roles. https://discord.com/developers/docs/resources/guild#guild-object</summary>
public sealed record DiscordGuild(
    string Id,
    string Name,
    string? Icon,
    string OwnerId,
    IReadOnlyList<DiscordRole> Roles);

/// <summary>A role. <see cref="Permissions"/> is Discord's string bitfield; <see cref="Managed"/> roles belong to
/// an integration or a bot and cannot be given by anyone.
/// https://discord.com/developers/docs/topics/permissions</summary>
public sealed record DiscordRole(
    string Id,
    string Name,
    int Position,
    string Permissions,
    bool Managed,
    bool Mentionable,
    int Color);

/// <summary>A channel of a guild. https://discord.com/developers/docs/resources/channel#channel-object</summary>
public sealed record DiscordChannel(
    string Id,
    int Type,
    string? Name,
    int Position,
    string? ParentId,
    IReadOnlyList<DiscordOverwrite>? PermissionOverwrites)
{
    /// <summary>Channel types a bot can post alerts in: text (0) and announcement (5).
    /// https://discord.com/developers/docs/resources/channel#channel-object-channel-types</summary>
    public bool IsTextLike => Type is 0 or 5;
}

/// <summary>One permission overwrite: <see cref="Type"/> 0 is a role, 1 a member.</summary>
public sealed record DiscordOverwrite(string Id, int Type, string Allow, string Deny);

/// <summary>A guild member: the role ids it holds.
/// https://discord.com/developers/docs/resources/guild#guild-member-object</summary>
public sealed record DiscordMember(DiscordUser? User, IReadOnlyList<string> Roles, string? Nick);

/// <summary>A webhook as its token shows it. https://discord.com/developers/docs/resources/webhook#webhook-object
/// </summary>
public sealed record DiscordWebhook(string Id, string? GuildId, string? ChannelId, string? Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DiscordUser))]
[JsonSerializable(typeof(List<DiscordPartialGuild>))]
[JsonSerializable(typeof(DiscordGuild))]
[JsonSerializable(typeof(List<DiscordChannel>))]
[JsonSerializable(typeof(List<DiscordRole>))]
[JsonSerializable(typeof(DiscordMember))]
[JsonSerializable(typeof(DiscordWebhook))]
internal sealed partial class DiscordGuildJsonContext : JsonSerializerContext;
