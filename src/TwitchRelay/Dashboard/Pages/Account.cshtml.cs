using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Dashboard.Auth;
using TwitchRelay.Roles.Subscribers;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Pages;

/// <summary>Any signed-in member's own Twitch connection (made with <c>/twitch connect</c>), and ending it: the same
/// as <c>/twitch disconnect</c>. The member is the session's Discord user, never an id from the form.</summary>
public sealed class AccountModel(IDbContextFactory<RelayDbContext> contexts, MemberDisconnector disconnector)
    : PageModel
{
    public MemberLink? Connection { get; private set; }

    public string? Notice { get; private set; }

    public async Task OnGetAsync(
        [FromQuery] string? done,
        [FromQuery] int rolesTaken = 0,
        [FromQuery] int rolesLeft = 0)
    {
        Notice = done == "disconnected"
            ? $"Disconnected: {rolesTaken} subscriber role(s) TwitchRelay gave you were taken back."
                + (rolesLeft > 0 ? $" Discord refused to take {rolesLeft}: ask the server's admins to." : "")
            : null;
        await using var db = await contexts.CreateDbContextAsync(HttpContext.RequestAborted);
        Connection = await db.MemberLinks.AsNoTracking()
            .SingleOrDefaultAsync(x => x.DiscordUserId == User.UserId(), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostDisconnectAsync()
    {
        var removed = await disconnector.DisconnectAsync(
            User.UserId()!, "The member disconnected their Twitch account", HttpContext.RequestAborted);
        return Redirect(removed is null
            ? "/account"
            : $"/account?done=disconnected&rolesTaken={removed.RolesTaken}&rolesLeft={removed.RolesLeft}");
    }
}
