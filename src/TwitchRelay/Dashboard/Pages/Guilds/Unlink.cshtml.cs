using Microsoft.AspNetCore.Mvc;
using TwitchRelay.Dashboard.Guilds;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Dashboard.Pages.Guilds;

public sealed class UnlinkModel(GuildOverview overview, Unlinker unlinker) : GuildPageModel
{
    public GuildState State { get; private set; } = new(null, null, null);

    public UnlinkImpact Impact { get; private set; } = new(0, 0, false);

    public async Task<IActionResult> OnGetAsync()
    {
        State = await overview.ReadAsync(GuildId, HttpContext.RequestAborted);
        if (State.Link is null)
        {
            return Redirect($"/guilds/{GuildId}");
        }

        Impact = await overview.ImpactOfUnlinkAsync(GuildId, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await unlinker.UnlinkAsync(GuildId, HttpContext.RequestAborted);
        var left = result is { RolesLeft: > 0 } ? $"&rolesLeft={result.RolesLeft}" : "";
        return Redirect($"/guilds/{GuildId}?done=unlinked{left}");
    }
}
