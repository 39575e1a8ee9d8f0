using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TwitchRelay.Dashboard.Auth;
using TwitchRelay.Dashboard.Guilds;

namespace TwitchRelay.Dashboard.Pages;

public sealed class ServersModel(ManagedGuilds managed, BotPresence bot, DiscordOAuthClient oauth) : PageModel
{
    public IReadOnlyList<ServerRow> Guilds { get; private set; } = [];

    public bool BotUnknown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var guilds = await managed.ListAsync(HttpContext);
        if (guilds is null)
        {
            await HttpContext.SignOutAsync(DashboardSession.Scheme);
            return Redirect("/signin?error=expired");
        }

        var botGuilds = await bot.GuildIdsAsync(HttpContext.RequestAborted);
        BotUnknown = botGuilds is null;
        Guilds = [.. guilds.Select(g => new ServerRow(
            g,
            botGuilds?.Contains(g.Id) == true,
            oauth.CanBuildBotInstallUrl ? oauth.BuildBotInstallUrl(g.Id) : null))];
        return Page();
    }
}

public sealed record ServerRow(UserGuild Guild, bool HasBot, string? InstallUrl);
