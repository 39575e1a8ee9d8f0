using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Discord.Gateway;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;

namespace TwitchRelay.Discord.Commands;

/// <summary>What each <c>/twitch</c> subcommand answers. Status, test and link are for members with Manage Server
/// or Administrator (checked from the interaction's member permissions); connect and disconnect are for anyone.
/// Every answer is private (ephemeral) and text a member typed is escaped.</summary>
internal sealed class TwitchCommandHandler(
    IDbContextFactory<RelayDbContext> contexts,
    TestAlerts testAlerts,
    ISubscriberCommands subscribers,
    IBotGuilds botGuilds,
    ServiceAddress address)
{
    /// <summary>Event keys that have a sample alert, for <c>/twitch test</c> and its autocomplete.</summary>
    public static IReadOnlyList<string> TestableEventKeys { get; } =
        [.. EventCatalog.All.Select(e => e.Key).Where(SampleBodies.ByKey.ContainsKey)];

    public async Task<InteractionReply> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guildId || interaction.UserId is not { } userId)
        {
            return new InteractionReply("Use /twitch in a server.");
        }

        if (interaction.CommandName != SlashCommands.Root)
        {
            return new InteractionReply("This command is no longer supported.");
        }

        var sub = interaction.SubcommandName ?? "";
        if (sub is SlashCommands.Status or SlashCommands.Test or SlashCommands.Link && !interaction.IsAdmin)
        {
            return new InteractionReply(
                $"Only members with Manage Server or Administrator can use /twitch {sub}.");
        }

        return sub switch
        {
            SlashCommands.Status => await StatusAsync(guildId, cancellationToken),
            SlashCommands.Test => await TestAsync(guildId, userId, interaction, cancellationToken),
            SlashCommands.Link => Link(guildId),
            SlashCommands.Connect => await subscribers.ConnectAsync(guildId, userId, cancellationToken),
            SlashCommands.Disconnect => await subscribers.DisconnectAsync(guildId, userId, cancellationToken),
            _ => new InteractionReply("This command is no longer supported."),
        };
    }

    private async Task<InteractionReply> StatusAsync(string guildId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.GuildLinks.AsNoTracking()
            .Include(l => l.Rules)
            .SingleOrDefaultAsync(l => l.GuildId == guildId, cancellationToken);
        var text = new StringBuilder();
        if (link is null)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"**Twitch:** not linked. Link it on <{address.GuildPage(guildId)}>.");
            return new InteractionReply(text.ToString());
        }

        var account = await db.TwitchAccounts.AsNoTracking()
            .SingleOrDefaultAsync(a => a.UserId == link.BroadcasterId, cancellationToken);
        text.Append("**Twitch:** ");
        if (account is null)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"broadcaster {link.BroadcasterId}, not linked yet (link it on <{address.GuildPage(guildId)}>)");
        }
        else if (account.IsHealthy)
        {
            text.Append(CultureInfo.InvariantCulture, $"{DiscordText.Escape(account.DisplayName)} — working");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{DiscordText.Escape(account.DisplayName)} — **broken**: {DiscordText.Escape(account.BrokenReason)}"
                + $" (Re-Link on <{address.GuildPage(guildId)}>)");
        }

        var enabled = link.Rules.Where(r => r.Enabled).OrderBy(r => r.Position).Select(r => r.EventKey)
            .Distinct().ToList();
        text.Append(CultureInfo.InvariantCulture,
            $"\n**Enabled alerts ({enabled.Count}):** {(enabled.Count == 0 ? "none" : string.Join(", ", enabled))}");
        foreach (var off in link.Rules.Where(r => !r.Enabled && r.DisabledReason is not null))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n**Switched off:** {off.EventKey}: {DiscordText.Escape(off.DisabledReason)}");
        }

        var last = await db.Deliveries.AsNoTracking()
            .Where(d => d.GuildId == guildId)
            .OrderByDescending(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        text.Append("\n**Last alert:** ");
        if (last is null)
        {
            text.Append("none yet");
        }
        else
        {
            var status = last.Status.ToString().ToLowerInvariant();
            text.Append(CultureInfo.InvariantCulture,
                $"{last.EventKey}, <t:{last.CreatedAt.ToUnixTimeSeconds()}:R>, {status}");
            if (last.LastError is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({DiscordText.Escape(last.LastError)})");
            }
        }

        if (link.HasSubscriberRoles)
        {
            text.Append("\n**Subscriber roles:** ").Append(
                link.SubscriberRoleProblem is { } problem ? $"**problem**: {problem}" : "working");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n**Bot:** {(botGuilds.IsOnline ? "online" : "reconnecting")} in {botGuilds.Guilds.Count} server(s)");
        return new InteractionReply(DiscordText.Truncate(text.ToString(), 2000));
    }

    private async Task<InteractionReply> TestAsync(
        string guildId,
        string userId,
        Interaction interaction,
        CancellationToken cancellationToken)
    {
        var key = interaction.Options.GetValueOrDefault(SlashCommands.EventOption)?.Trim() ?? "";
        if (!TestableEventKeys.Contains(key, StringComparer.Ordinal))
        {
            return new InteractionReply(
                $"There is no event \"{DiscordText.Escape(DiscordText.Truncate(key, 40))}\". Pick one of the "
                + "suggestions, e.g. follow, raid or subscription.new.");
        }

        var sent = await testAlerts.QueueAsync(guildId, key, userId, cancellationToken);
        if (sent.Count == 0)
        {
            return new InteractionReply(
                $"No enabled alert rule for {key} in this server: switch it on at "
                + $"<{address.GuildPage(guildId)}/events/{key}>, or in the rules file and run `config import`.");
        }

        var places = sent.Select(s => s.StartsWith("channel:", StringComparison.Ordinal)
            ? $"<#{s["channel:".Length..]}>"
            : "a webhook");
        return new InteractionReply(
            $"Sent a test {key} alert to {string.Join(", ", places)}, with sample data and no one pinged.");
    }

    /// <summary>The guild's dashboard page, where its admins sign in with Discord and set everything up.</summary>
    private InteractionReply Link(string guildId)
    {
        var page = address.GuildPage(guildId);
        var note = address.IsPublic
            ? ""
            : " (the service has no `PublicUrl`, so this is the address it listens on; set `PublicUrl` when it runs "
                + "behind a proxy)";
        return new InteractionReply(
            $"Set up TwitchRelay for this server on its dashboard: <{page}>{note}. Sign in with Discord there to link "
            + "the Twitch account, pick the alerts and their channels, and see what was delivered.");
    }
}
