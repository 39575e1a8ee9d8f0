using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Cli;

/// <summary><c>doctor</c>: checks what the service needs before a community misses an alert: Twitch and Discord
/// credentials, each link's health, and for every enabled rule whether the bot can post in its channel and ping its
/// roles. Prints one line per check; exits 1 when something needs fixing.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("doctor", "Check credentials, links, and the bot's permissions for every rule.");
        command.SetAction((_, token) => ToolHost.RunAsync(cli, (services, ct) => RunAsync(cli, services, ct), token));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, IServiceProvider services, CancellationToken ct)
    {
        var report = new DoctorReport(cli.Out);
        await CheckTwitchAsync(services, report, ct);
        var botReady = await CheckDiscordAsync(services, report, ct);

        await using var db = services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
        var links = await db.GuildLinks.Include(x => x.Rules).OrderBy(x => x.GuildId).ToListAsync(ct);
        var accounts = await db.TwitchAccounts.ToDictionaryAsync(x => x.UserId, ct);
        if (links.Count == 0)
        {
            report.Skip("no guild is configured yet (`config import` or `twitch link --guild ID`)");
        }

        foreach (var link in links)
        {
            CheckAccount(link, accounts.GetValueOrDefault(link.BroadcasterId), report);
            if (botReady)
            {
                await CheckGuildAsync(services.GetRequiredService<DiscordGuildClient>(), link, report, ct);
            }
        }

        await cli.Out.WriteLineAsync($"{report.Problems} problem(s) found.");
        return report.Problems == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task CheckTwitchAsync(IServiceProvider services, DoctorReport report, CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<TwitchOptions>>().Value.HasClientCredentials)
        {
            report.Fail("Twitch:ClientId and Twitch:ClientSecret are not set: accounts cannot be linked");
            return;
        }

        try
        {
            await services.GetRequiredService<AppTokens>().GetAsync(ct);
            report.Ok("Twitch accepted the client credentials (app token issued)");
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            report.Fail($"Twitch app token: {ex.Message}");
        }
    }

    private static async Task<bool> CheckDiscordAsync(
        IServiceProvider services,
        DoctorReport report,
        CancellationToken ct)
    {
        if (!services.GetRequiredService<IOptions<DiscordOptions>>().Value.HasBotToken)
        {
            report.Skip("Discord:BotToken is not set: alerts are rendered and shown by `activity`, not posted");
            return false;
        }

        var bot = await services.GetRequiredService<DiscordGuildClient>().GetBotUserAsync(ct);
        if (bot is DiscordOk<DiscordUser> user)
        {
            report.Ok($"Discord accepted the bot token (bot {user.Value.Username}, id {user.Value.Id})");
            return true;
        }

        report.Fail($"Discord bot token: {Reason(bot)}");
        return false;
    }

    private static void CheckAccount(GuildLink link, TwitchAccount? account, DoctorReport report)
    {
        var guild = $"guild {link.GuildId}";
        if (account is null)
        {
            report.Fail($"{guild}: broadcaster {link.BroadcasterId} is not linked yet (`twitch link --guild "
                + $"{link.GuildId}`): no events arrive");
        }
        else if (!account.IsHealthy)
        {
            report.Fail($"{guild}: the link to {account.DisplayName} is broken ({account.BrokenReason}); re-link it");
        }
        else
        {
            report.Ok($"{guild}: linked to {account.DisplayName} ({TypeName(account.BroadcasterType)})");
        }

        foreach (var rule in link.Rules.Where(r => !r.Enabled && r.DisabledReason is not null))
        {
            report.Fail($"{guild}: rule {rule.EventKey} was turned off: {rule.DisabledReason}");
        }
    }

    private static async Task CheckGuildAsync(
        DiscordGuildClient guilds,
        GuildLink link,
        DoctorReport report,
        CancellationToken ct)
    {
        var (access, failure) = await GuildAccess.ReadAsync(guilds, link.GuildId, ct);
        if (access is null)
        {
            report.Fail($"guild {link.GuildId}: the bot cannot read the server: {Reason(failure!)}");
            return;
        }

        var channelRules = link.Rules.Where(r => r.Enabled && r.ChannelId is not null).ToList();
        foreach (var rule in channelRules)
        {
            var problems = access.ChannelProblems(rule.ChannelId!, rule.MentionRoleIdList);
            if (problems.Count == 0)
            {
                report.Ok($"{access.Guild.Name}: {rule.EventKey} can be posted in channel {rule.ChannelId}");
            }

            foreach (var problem in problems)
            {
                report.Fail($"{access.Guild.Name}: {rule.EventKey}: {problem}");
            }
        }

        if (link.AdminChannelId is { } admin)
        {
            foreach (var problem in access.ChannelProblems(admin, []))
            {
                report.Fail($"{access.Guild.Name}: admin channel: {problem}");
            }
        }
    }

    private static string TypeName(string broadcasterType) =>
        broadcasterType.Length == 0 ? "regular account" : broadcasterType;

    private static string Reason(DiscordResult result) => result switch
    {
        DiscordFailed failed => failed.Reason,
        DiscordRetryLater later => $"{later.Reason}; try again later",
        _ => result.GetType().Name,
    };

    private sealed class DoctorReport(TextWriter output)
    {
        public int Problems { get; private set; }

        public void Ok(string line) => output.WriteLine($"ok    {line}");

        public void Skip(string line) => output.WriteLine($"skip  {line}");

        public void Fail(string line)
        {
            Problems++;
            output.WriteLine($"FAIL  {line}");
        }
    }
}
