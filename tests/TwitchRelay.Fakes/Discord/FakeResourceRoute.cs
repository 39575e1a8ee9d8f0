namespace TwitchRelay.Fakes.Discord;

/// <summary>A non-message route: the bot's user and guilds, a guild's channels, roles and members, and member role
/// changes.</summary>
internal sealed record FakeResourceRoute(FakeResource Kind, string? GuildId, string? UserId, string? RoleId)
{
    public static FakeDiscordRoute? Parse(string method, string[] parts, string bucket) => parts switch
    {
        ["users", "@me"] => Read(method, new(FakeResource.BotUser, null, null, null), "", bucket),
        ["users", "@me", "guilds"] => Read(method, new(FakeResource.BotGuilds, null, null, null), "", bucket),
        ["guilds", var g] => Read(method, new(FakeResource.Guild, g, null, null), g, bucket),
        ["guilds", var g, "channels"] => Read(method, new(FakeResource.GuildChannels, g, null, null), g, bucket),
        ["guilds", var g, "roles"] => Read(method, new(FakeResource.GuildRoles, g, null, null), g, bucket),
        ["guilds", var g, "members", var u] => Read(method, new(FakeResource.GuildMember, g, u, null), g, bucket),
        ["guilds", var g, "members", var u, "roles", var r] => new FakeDiscordRoute(
            g,
            null,
            null,
            bucket,
            method is "PUT" or "DELETE")
        {
            Resource = new(method == "PUT" ? FakeResource.AddMemberRole : FakeResource.RemoveMemberRole, g, u, r),
        },
        _ => null,
    };

    private static FakeDiscordRoute Read(string method, FakeResourceRoute resource, string majorId, string bucket) =>
        new(majorId, null, null, bucket, method == "GET") { Resource = resource };
}

internal enum FakeResource
{
    BotUser,
    BotGuilds,
    Guild,
    GuildChannels,
    GuildRoles,
    GuildMember,
    AddMemberRole,
    RemoveMemberRole,
}
