using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TwitchRelay.Dashboard.Auth;

namespace TwitchRelay.Dashboard.Pages;

/// <summary>A POST (with its antiforgery token) ends the session: a link or an image elsewhere cannot sign anyone
/// out.</summary>
public sealed class SignOutModel(DiscordOAuthClient discord) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await HttpContext.AccessTokenAsync() is { } token)
        {
            await discord.RevokeAsync(token, HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(DashboardSession.Scheme);
        return Redirect("/");
    }
}
