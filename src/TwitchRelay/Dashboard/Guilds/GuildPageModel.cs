using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TwitchRelay.Dashboard.Auth;

namespace TwitchRelay.Dashboard.Guilds;

/// <summary>Every page under <c>/guilds/{guildId}</c>: before any handler runs (GET or POST), the guild in the URL must
/// be one the signed-in user manages, as Discord says now (cached briefly). Anything else is a 404, so a guessed id
/// reveals nothing. Handlers take the guild from the route only, never from a form field.</summary>
public abstract class GuildPageModel : PageModel
{
    public string GuildId { get; private set; } = "";

    public UserGuild Guild { get; private set; } = null!;

    public override async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        var guilds = await HttpContext.RequestServices.GetRequiredService<ManagedGuilds>().ListAsync(HttpContext);
        if (guilds is null)
        {
            await HttpContext.SignOutAsync(DashboardSession.Scheme);
            context.Result = Redirect("/signin?error=expired");
            return;
        }

        var id = RouteData.Values["guildId"] as string;
        var guild = guilds.FirstOrDefault(x => x.Id == id);
        if (guild is null)
        {
            context.Result = NotFound();
            return;
        }

        GuildId = guild.Id;
        Guild = guild;
        await next();
    }
}
