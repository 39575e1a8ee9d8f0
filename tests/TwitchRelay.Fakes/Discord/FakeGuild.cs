using System.Globalization;
using System.Text.Json.Nodes;

namespace TwitchRelay.Fakes.Discord;

/// <summary>One guild in the fake: roles (with @everyone, whose id is the guild's), members and their roles, text
/// channels with permission overwrites, and the bot's own member with its managed role. Changes go through the
/// fake's lock, so tests may change a guild while the service reads it.</summary>
public sealed class FakeGuild
{
    /// <summary>What Discord gives @everyone by default in a new server, as far as alerts care: view, send, embed,
    /// read history.</summary>
    public const ulong EveryoneDefault = (1UL << 10) | (1UL << 11) | (1UL << 14) | (1UL << 16);

    /// <summary>The permissions the bot's install link asks for (docs: facts.md §6).</summary>
    public const ulong BotInstallPermissions = 268520448;

    private readonly Lock gate;
    private readonly Dictionary<string, FakeRole> roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeGuildChannel> channels = new(StringComparer.Ordinal);

    internal FakeGuild(Lock gate, string id, string name, string ownerId, string botUserId)
    {
        this.gate = gate;
        Id = id;
        Name = name;
        OwnerId = ownerId;
        BotUserId = botUserId;
        BotRoleId = (ulong.Parse(id, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        roles[id] = new FakeRole(id, "@everyone", 0, EveryoneDefault, false, false);
        roles[BotRoleId] = new FakeRole(BotRoleId, "TwitchRelay", 1, BotInstallPermissions, true, false);
        members[botUserId] = [BotRoleId];
        members[ownerId] = [];
    }

    public string Id { get; }

    public string Name { get; }

    public string OwnerId { get; }

    public string BotUserId { get; }

    /// <summary>The bot's managed role, made when the bot joined, at position 1 with the install permissions.
    /// </summary>
    public string BotRoleId { get; }

    /// <summary>False once the bot was removed: the guild no longer answers the bot's reads.</summary>
    public bool BotIsMember
    {
        get
        {
            lock (gate)
            {
                return members.ContainsKey(BotUserId);
            }
        }
    }

    public FakeGuild AddRole(
        string id,
        string name,
        int position,
        ulong permissions = 0,
        bool managed = false,
        bool mentionable = false)
    {
        lock (gate)
        {
            roles[id] = new FakeRole(id, name, position, permissions, managed, mentionable);
        }

        return this;
    }

    /// <summary>Moves a role, e.g. the bot's own above or below a role it must manage.</summary>
    public FakeGuild SetRolePosition(string roleId, int position)
    {
        lock (gate)
        {
            roles[roleId] = roles[roleId] with { Position = position };
        }

        return this;
    }

    public FakeGuild SetRolePermissions(string roleId, ulong permissions)
    {
        lock (gate)
        {
            roles[roleId] = roles[roleId] with { Permissions = permissions };
        }

        return this;
    }

    public FakeGuild RemoveRole(string roleId)
    {
        lock (gate)
        {
            roles.Remove(roleId);
            foreach (var held in members.Values)
            {
                held.Remove(roleId);
            }
        }

        return this;
    }

    public FakeGuild AddMember(string userId, params string[] roleIds)
    {
        lock (gate)
        {
            members[userId] = [.. roleIds];
        }

        return this;
    }

    /// <summary>The member leaves (or is kicked); removing the bot takes it out of the guild.</summary>
    public FakeGuild RemoveMember(string userId)
    {
        lock (gate)
        {
            members.Remove(userId);
        }

        return this;
    }

    /// <summary>A text channel (type 0). Overwrites: (role or member id, type 0 role / 1 member, allow, deny).
    /// </summary>
    public FakeGuild AddTextChannel(string id, string name, params FakeOverwrite[] overwrites)
    {
        lock (gate)
        {
            channels[id] = new FakeGuildChannel(id, name, 0, [.. overwrites]);
        }

        return this;
    }

    /// <summary>The member's role ids, or null when the user is not a member.</summary>
    public IReadOnlyList<string>? RolesOf(string userId)
    {
        lock (gate)
        {
            return members.TryGetValue(userId, out var held) ? [.. held] : null;
        }
    }

    // Everything below runs under the fake's lock.
    internal bool HasChannel(string channelId) => channels.ContainsKey(channelId);

    internal bool HasRole(string roleId) => roles.ContainsKey(roleId);

    internal bool HasMember(string userId) => members.ContainsKey(userId);

    internal JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["icon"] = null,
        ["owner_id"] = OwnerId,
        ["roles"] = RolesJson(),
    };

    internal JsonObject ToPartialJson() => new() { ["id"] = Id, ["name"] = Name, ["icon"] = null };

    internal JsonArray RolesJson() =>
        [.. roles.Values.OrderBy(r => r.Position).Select(r => (JsonNode)r.ToJson())];

    internal JsonArray ChannelsJson() =>
        [.. channels.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => (JsonNode)c.ToJson())];

    internal JsonObject MemberJson(string userId) => new()
    {
        ["user"] = new JsonObject { ["id"] = userId, ["username"] = $"user{userId}" },
        ["roles"] = new JsonArray([.. members[userId].Select(r => (JsonNode)r)]),
        ["nick"] = null,
    };

    internal void GiveRole(string userId, string roleId)
    {
        if (!members[userId].Contains(roleId))
        {
            members[userId].Add(roleId);
        }
    }

    internal void TakeRole(string userId, string roleId) => members[userId].Remove(roleId);

    /// <summary>Whether the bot may give or take the role: Manage Roles (or Administrator, or owning the guild) and
    /// the role below the bot's highest role; managed roles never.
    /// https://discord.com/developers/docs/topics/permissions#permission-hierarchy</summary>
    internal bool BotCanManage(string roleId)
    {
        var role = roles[roleId];
        if (role.Managed)
        {
            return false;
        }

        if (BotUserId == OwnerId)
        {
            return true;
        }

        var held = members[BotUserId].Select(r => roles.GetValueOrDefault(r)).OfType<FakeRole>().ToList();
        var permissions = roles[Id].Permissions | held.Aggregate(0UL, (all, r) => all | r.Permissions);
        var canManage = (permissions & ((1UL << 3) | (1UL << 28))) != 0;
        var highest = held.Select(r => r.Position).DefaultIfEmpty(0).Max();
        return canManage && role.Position < highest;
    }

    /// <summary>The bot's permissions in one of this guild's channels, overwrites applied in Discord's order.
    /// https://discord.com/developers/docs/topics/permissions#permission-overwrites</summary>
    internal ulong BotPermissionsIn(string channelId)
    {
        var held = members[BotUserId];
        var permissions = roles[Id].Permissions;
        foreach (var roleId in held)
        {
            permissions |= roles.TryGetValue(roleId, out var role) ? role.Permissions : 0;
        }

        if ((permissions & (1UL << 3)) != 0 || BotUserId == OwnerId)
        {
            return ulong.MaxValue;
        }

        var overwrites = channels[channelId].Overwrites;
        if (overwrites.FirstOrDefault(o => o.Type == 0 && o.Id == Id) is { } everyone)
        {
            permissions = (permissions & ~everyone.Deny) | everyone.Allow;
        }

        var roleOverwrites = overwrites.Where(o => o.Type == 0 && o.Id != Id && held.Contains(o.Id)).ToList();
        var deny = roleOverwrites.Aggregate(0UL, (all, o) => all | o.Deny);
        var allow = roleOverwrites.Aggregate(0UL, (all, o) => all | o.Allow);
        permissions = (permissions & ~deny) | allow;
        if (overwrites.FirstOrDefault(o => o.Type == 1 && o.Id == BotUserId) is { } own)
        {
            permissions = (permissions & ~own.Deny) | own.Allow;
        }

        return permissions;
    }

    private sealed record FakeRole(
        string Id,
        string Name,
        int Position,
        ulong Permissions,
        bool Managed,
        bool Mentionable)
    {
        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["name"] = Name,
            ["position"] = Position,
            ["permissions"] = Permissions.ToString(CultureInfo.InvariantCulture),
            ["managed"] = Managed,
            ["mentionable"] = Mentionable,
            ["color"] = 0,
        };
    }

    private sealed record FakeGuildChannel(string Id, string Name, int Type, List<FakeOverwrite> Overwrites)
    {
        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["type"] = Type,
            ["name"] = Name,
            ["position"] = 0,
            ["parent_id"] = null,
            ["permission_overwrites"] = new JsonArray([.. Overwrites.Select(o => (JsonNode)o.ToJson())]),
        };
    }
}

/// <summary>A permission overwrite on a channel: <see cref="Type"/> 0 for a role, 1 for a member.</summary>
public sealed record FakeOverwrite(string Id, int Type, ulong Allow, ulong Deny)
{
    internal JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["allow"] = Allow.ToString(CultureInfo.InvariantCulture),
        ["deny"] = Deny.ToString(CultureInfo.InvariantCulture),
    };
}
