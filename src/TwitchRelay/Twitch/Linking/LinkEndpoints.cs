using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

namespace TwitchRelay.Twitch.Linking;

/// <summary><c>GET /twitch/link?guild=ID&amp;ticket=T</c> starts a link (or re-link), <c>GET /twitch/callback</c>
/// finishes it. The browser that starts gets a binding cookie; only that browser can finish.</summary>
public static class LinkEndpoints
{
    public const string LinkPath = "/twitch/link";
    public const string CallbackPath = "/twitch/callback";
    private const string BindingCookie = "twitchrelay_link";

    public static IEndpointRouteBuilder MapTwitchLinking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LinkPath, StartAsync).ExcludeFromDescription();
        endpoints.MapGet(CallbackPath, CompleteAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The address Twitch sends the browser back to; it must be registered on the Twitch application.
    /// </summary>
    public static string RedirectUri(HttpRequest request, ServiceOptions service) =>
        (service.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}") + CallbackPath;

    private static async Task<IResult> StartAsync(
        HttpContext context,
        string? guild,
        string? ticket,
        LinkTickets tickets,
        LinkFlow flow,
        IOptions<ServiceOptions> service,
        IOptions<TwitchOptions> twitch)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return LinkPages.Refused(new LinkRefused(
                "Linking is not set up on this server",
                "Its operator must set Twitch:ClientId and Twitch:ClientSecret. Your link was not used up."));
        }

        var redeemed = guild is null ? null : await tickets.RedeemAsync(ticket, guild, context.RequestAborted);
        if (redeemed is null)
        {
            return LinkPages.Refused(new LinkRefused(
                "This link has expired or was already used",
                "Ask for a new one (twitch link --guild ID on the server running TwitchRelay)."));
        }

        var binding = OneTimeSecrets.New();
        context.Response.Cookies.Append(BindingCookie, binding, new CookieOptions
        {
            HttpOnly = true,
            // Behind a TLS-terminating proxy the request itself looks like http: trust the configured public URL.
            Secure = context.Request.IsHttps
                || service.Value.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true,
            SameSite = SameSiteMode.Lax,
            Path = "/twitch",
            MaxAge = LinkFlow.StateLifetime,
        });
        var url = await flow.StartAsync(
            redeemed.GuildId,
            redeemed.IsRelink,
            binding,
            RedirectUri(context.Request, service.Value),
            context.RequestAborted);
        return Results.Redirect(url);
    }

    private static async Task<IResult> CompleteAsync(HttpContext context, LinkFlow flow)
    {
        var query = context.Request.Query;
        var callback = new CallbackQuery(query["code"], query["state"], query["error"], query["error_description"]);
        var binding = context.Request.Cookies[BindingCookie];
        var outcome = await flow.CompleteAsync(callback, binding, context.RequestAborted);
        return outcome switch
        {
            LinkNeedsAffiliateScopes upgrade => Results.Redirect(upgrade.AuthorizeUrl),
            Linked linked => LinkPages.Linked(linked),
            LinkRefused refused => LinkPages.Refused(refused),
            _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
        };
    }
}
