using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TwitchRelay.Dashboard.Auth;
using TwitchRelay.Discord;
using TwitchRelay.Hosting;

namespace TwitchRelay.Dashboard.Pages;

public sealed class SignInModel(IOptions<DiscordOptions> discord, IOptions<ServiceOptions> service) : PageModel
{
    public bool IsConfigured => discord.Value.HasOAuthClient;

    public string? Problem { get; private set; }

    public string StartUrl { get; private set; } = SignInEndpoints.StartPath;

    public string RedirectUri => SignInEndpoints.RedirectUri(Request, service.Value);

    public void OnGet([FromQuery] string? error, [FromQuery(Name = "ReturnUrl")] string? returnUrl)
    {
        Problem = error switch
        {
            "state" => "That sign-in attempt expired, was already used or was started in another browser. "
                + "Please sign in again.",
            "denied" => "Discord did not authorize the sign-in. Nothing was changed.",
            "exchange" => "Discord refused the sign-in code. Please try again.",
            "expired" => "Your Discord session ended (signed out or revoked at Discord). Please sign in again.",
            _ => null,
        };
        if (SignInEndpoints.IsLocal(returnUrl))
        {
            StartUrl += "?returnUrl=" + Uri.EscapeDataString(returnUrl!);
        }
    }
}
