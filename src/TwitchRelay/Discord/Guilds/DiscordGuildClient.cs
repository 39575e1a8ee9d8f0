using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TwitchRelay.Discord.Guilds;

/// <summary>Reads guilds, channels, roles and members with the bot token, and gives or takes member roles. Every
/// call goes through the same rate limiter, retries and error mapping as message posts; reads answer
/// <see cref="DiscordOk{T}"/>, role changes <see cref="DiscordDone"/>, failures <see cref="DiscordFailed"/> or
/// <see cref="DiscordRetryLater"/>.</summary>
public sealed class DiscordGuildClient
{
    private const int GuildPageSize = 200;
    private const int MaxAuditLogReason = 400;

    private readonly DiscordRestClient rest;
    private readonly DiscordBotIdentity identity;

    public DiscordGuildClient(DiscordRestClient rest, DiscordBotIdentity identity)
    {
        this.rest = rest;
        this.identity = identity;
    }

    /// <summary>The bot's own user, read once and then remembered.
    /// https://discord.com/developers/docs/resources/user#get-current-user</summary>
    public async Task<DiscordResult> GetBotUserAsync(CancellationToken ct)
    {
        if (identity.User is { } known)
        {
            return new DiscordOk<DiscordUser>(known);
        }

        var route = Read("/users/@me", "/users/@me", "", "read the bot's user");
        var result = await rest.SendAsync(route, null, ReaderFor(DiscordGuildJsonContext.Default.DiscordUser), ct);
        if (result is DiscordOk<DiscordUser> ok)
        {
            identity.User = ok.Value;
        }

        return result;
    }

    /// <summary>Every guild the bot is in, all pages.
    /// https://discord.com/developers/docs/resources/user#get-current-user-guilds</summary>
    public async Task<DiscordResult> GetBotGuildsAsync(CancellationToken ct)
    {
        var guilds = new List<DiscordPartialGuild>();
        var after = "0";
        while (true)
        {
            var path = $"/users/@me/guilds?limit={GuildPageSize}&after={after}";
            var route = Read("/users/@me/guilds", path, "", "list the bot's servers");
            var page = await rest.SendAsync(
                route,
                null,
                ReaderFor(DiscordGuildJsonContext.Default.ListDiscordPartialGuild),
                ct);
            if (page is not DiscordOk<List<DiscordPartialGuild>> ok)
            {
                return page;
            }

            guilds.AddRange(ok.Value);
            if (ok.Value.Count < GuildPageSize)
            {
                return new DiscordOk<IReadOnlyList<DiscordPartialGuild>>(guilds);
            }

            after = ok.Value[^1].Id;
        }
    }

    /// <summary>A webhook read with its own token, no bot token needed: an unknown id or a wrong token is
    /// <see cref="DiscordFailed.IsUnknownWebhook"/>.
    /// https://discord.com/developers/docs/resources/webhook#get-webhook-with-token</summary>
    public Task<DiscordResult> GetWebhookAsync(string webhookId, string token, CancellationToken ct) =>
        rest.SendAsync(
            new DiscordRoute(
                HttpMethod.Get,
                "/webhooks/{webhook_id}/{webhook_token}",
                $"/webhooks/{Id(webhookId)}/{Uri.EscapeDataString(token)}",
                webhookId,
                false) { Action = "read the webhook" },
            null,
            ReaderFor(DiscordGuildJsonContext.Default.DiscordWebhook),
            ct);

    /// <summary>https://discord.com/developers/docs/resources/guild#get-guild</summary>
    public Task<DiscordResult> GetGuildAsync(string guildId, CancellationToken ct) =>
        rest.SendAsync(
            Read("/guilds/{guild_id}", $"/guilds/{Id(guildId)}", guildId, $"read server {guildId}"),
            null,
            ReaderFor(DiscordGuildJsonContext.Default.DiscordGuild),
            ct);

    /// <summary>https://discord.com/developers/docs/resources/guild#get-guild-channels</summary>
    public async Task<DiscordResult> GetChannelsAsync(string guildId, CancellationToken ct) =>
        AsReadOnly<DiscordChannel>(await rest.SendAsync(
            Read("/guilds/{guild_id}/channels", $"/guilds/{Id(guildId)}/channels", guildId, "list its channels"),
            null,
            ReaderFor(DiscordGuildJsonContext.Default.ListDiscordChannel),
            ct));

    /// <summary>https://discord.com/developers/docs/resources/guild#get-guild-roles</summary>
    public async Task<DiscordResult> GetRolesAsync(string guildId, CancellationToken ct) =>
        AsReadOnly<DiscordRole>(await rest.SendAsync(
            Read("/guilds/{guild_id}/roles", $"/guilds/{Id(guildId)}/roles", guildId, "list its roles"),
            null,
            ReaderFor(DiscordGuildJsonContext.Default.ListDiscordRole),
            ct));

    /// <summary>One member. A user who is not in the guild is <see cref="DiscordFailed.IsUnknownMember"/>. Needs no
    /// privileged intent. https://discord.com/developers/docs/resources/guild#get-guild-member</summary>
    public Task<DiscordResult> GetMemberAsync(string guildId, string userId, CancellationToken ct) =>
        rest.SendAsync(
            Read(
                "/guilds/{guild_id}/members/{user_id}",
                $"/guilds/{Id(guildId)}/members/{Id(userId)}",
                guildId,
                $"read member {userId}"),
            null,
            ReaderFor(DiscordGuildJsonContext.Default.DiscordMember),
            ct);

    /// <summary>The bot's own member in a guild (its roles decide what it may manage).</summary>
    public async Task<DiscordResult> GetBotMemberAsync(string guildId, CancellationToken ct)
    {
        var user = await GetBotUserAsync(ct);
        return user is DiscordOk<DiscordUser> ok ? await GetMemberAsync(guildId, ok.Value.Id, ct) : user;
    }

    /// <summary>Gives a member a role; giving a role the member has is a no-op at Discord.
    /// https://discord.com/developers/docs/resources/guild#add-guild-member-role</summary>
    public Task<DiscordResult> AddMemberRoleAsync(
        string guildId,
        string userId,
        string roleId,
        string auditLogReason,
        CancellationToken ct) =>
        ChangeRoleAsync(HttpMethod.Put, guildId, userId, roleId, auditLogReason, ct);

    /// <summary>Takes a role from a member.
    /// https://discord.com/developers/docs/resources/guild#remove-guild-member-role</summary>
    public Task<DiscordResult> RemoveMemberRoleAsync(
        string guildId,
        string userId,
        string roleId,
        string auditLogReason,
        CancellationToken ct) =>
        ChangeRoleAsync(HttpMethod.Delete, guildId, userId, roleId, auditLogReason, ct);

    private Task<DiscordResult> ChangeRoleAsync(
        HttpMethod method,
        string guildId,
        string userId,
        string roleId,
        string auditLogReason,
        CancellationToken ct)
    {
        var verb = method == HttpMethod.Put ? "give role" : "take role";
        var preposition = method == HttpMethod.Put ? "to" : "from";
        var route = new DiscordRoute(
            method,
            "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
            $"/guilds/{Id(guildId)}/members/{Id(userId)}/roles/{Id(roleId)}",
            guildId,
            true)
        {
            Action = $"{verb} {roleId} {preposition} member {userId} in server {guildId}",
            AuditLogReason = auditLogReason.Length > MaxAuditLogReason
                ? auditLogReason[..MaxAuditLogReason]
                : auditLogReason,
        };
        return rest.SendAsync(route, null, (_, _, _) => Task.FromResult<DiscordResult>(new DiscordDone()), ct);
    }

    private static DiscordRoute Read(string template, string path, string majorId, string action) =>
        new(HttpMethod.Get, template, path, majorId, true) { Action = action };

    private Func<DiscordRoute, HttpResponseMessage, CancellationToken, Task<DiscordResult>> ReaderFor<T>(
        JsonTypeInfo<T> type) =>
        async (route, response, ct) =>
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            try
            {
                if (JsonSerializer.Deserialize(text, type) is { } value)
                {
                    return new DiscordOk<T>(value);
                }
            }
            catch (JsonException)
            {
                // Reported below as a failure naming the route, like any answer we cannot read.
            }

            var status = (int)response.StatusCode;
            var reason = $"Discord answered {status} with a body we cannot read";
            return rest.Fail(route, new DiscordFailed(reason, status, null));
        };

    private static DiscordResult AsReadOnly<T>(DiscordResult result) =>
        result is DiscordOk<List<T>> ok ? new DiscordOk<IReadOnlyList<T>>(ok.Value) : result;

    private static string Id(string id) =>
        Snowflake.IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a Discord snowflake.", nameof(id));
}
