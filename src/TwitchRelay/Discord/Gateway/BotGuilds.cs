namespace TwitchRelay.Discord.Gateway;

/// <summary>A guild the bot is in. <see cref="Available"/> is false while Discord reports an outage for it (or
/// before its GUILD_CREATE arrived after READY).</summary>
public sealed record BotGuild(string Id, string? Name, bool Available);

/// <summary>What the gateway session knows about the bot: whether it is online, its ids, and the guilds it is in.
/// https://discord.com/developers/docs/events/gateway-events#ready</summary>
public interface IBotGuilds
{
    /// <summary>True between READY (or RESUMED) and the end of that connection.</summary>
    bool IsOnline { get; }

    /// <summary>The application id from READY; null until the first READY.</summary>
    string? ApplicationId { get; }

    string? BotUserId { get; }

    IReadOnlyList<BotGuild> Guilds { get; }

    /// <summary>True when the bot is in the guild (available or not).</summary>
    bool Contains(string guildId);
}

/// <summary>The gateway's record of guilds, updated from READY, GUILD_CREATE and GUILD_DELETE.</summary>
internal sealed class BotGuilds : IBotGuilds
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, BotGuild> guilds = new(StringComparer.Ordinal);
    private volatile bool online;

    public bool IsOnline => online;

    public string? ApplicationId { get; private set; }

    public string? BotUserId { get; private set; }

    public IReadOnlyList<BotGuild> Guilds
    {
        get
        {
            lock (gate)
            {
                return [.. guilds.Values.OrderBy(g => g.Id, StringComparer.Ordinal)];
            }
        }
    }

    public bool Contains(string guildId)
    {
        lock (gate)
        {
            return guilds.ContainsKey(guildId);
        }
    }

    /// <summary>A fresh session: READY lists every guild as unavailable; GUILD_CREATE follows for each.</summary>
    public void Ready(string? applicationId, string? botUserId, IEnumerable<string> guildIds)
    {
        lock (gate)
        {
            ApplicationId = applicationId ?? ApplicationId;
            BotUserId = botUserId ?? BotUserId;
            var known = new Dictionary<string, BotGuild>(guilds, StringComparer.Ordinal);
            guilds.Clear();
            foreach (var id in guildIds)
            {
                guilds[id] = known.TryGetValue(id, out var old) ? old with { Available = false }
                    : new BotGuild(id, null, false);
            }
        }

        online = true;
    }

    public void Resumed() => online = true;

    public void Offline() => online = false;

    /// <summary>Returns true when the bot was not in the guild before (it joined).</summary>
    public bool Created(string guildId, string? name, bool available)
    {
        lock (gate)
        {
            var joined = !guilds.ContainsKey(guildId);
            guilds[guildId] = new BotGuild(guildId, name, available);
            return joined;
        }
    }

    /// <summary>GUILD_DELETE: an outage keeps the guild (unavailable); otherwise the bot was removed. Returns true
    /// when the bot left. https://discord.com/developers/docs/events/gateway-events#guild-delete</summary>
    public bool Deleted(string guildId, bool unavailable)
    {
        lock (gate)
        {
            if (unavailable)
            {
                if (guilds.TryGetValue(guildId, out var old))
                {
                    guilds[guildId] = old with { Available = false };
                }

                return false;
            }

            return guilds.Remove(guildId);
        }
    }
}
