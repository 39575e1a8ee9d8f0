using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;

namespace TwitchRelay.Twitch.Linking;

/// <summary><c>GET /twitch/link?guild=ID&amp;ticket=T</c> shows what is about to happen; its button POSTs, which
/// uses up the ticket and starts the link (or re-link); <c>GET /twitch/callback</c> finishes it. A link preview (a
/// chat app fetching the URL) therefore cannot use up the ticket. The browser that starts gets a binding cookie;
/// only that browser can finish.</summary>
public static class LinkEndpoints
{
    public const string LinkPath = "/twitch/link";
    public const string CallbackPath = "/twitch/callback";
    private const string BindingCookie = "twitchrelay_link";

    public static IEndpointRouteBuilder MapTwitchLinking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LinkPath, ConfirmAsync).ExcludeFromDescription();
        endpoints.MapPost(LinkPath, StartAsync).ExcludeFromDescription();
        endpoints.MapGet(CallbackPath, CompleteAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The address Twitch sends the browser back to; it must be registered on the Twitch application.
    /// </summary>
    public static string RedirectUri(HttpRequest request, ServiceOptions service) =>
        (service.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}") + CallbackPath;

    private static async Task<IResult> ConfirmAsync(
        HttpContext context,
        string? guild,
        string? ticket,
        LinkTickets tickets,
        IOptions<TwitchOptions> twitch)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return LinkPages.Refused(NotSetUp);
        }

        return guild is not null && await tickets.IsValidAsync(ticket, guild, context.RequestAborted)
            ? LinkPages.Confirm(guild, ticket!)
            : LinkPages.Refused(Expired);
    }

    private static readonly LinkRefused NotSetUp = new(
        "Linking is not set up on this server",
        "Its operator must set Twitch:ClientId and Twitch:ClientSecret. Your link was not used up.");

    private static readonly LinkRefused Expired = new(
        "This link has expired or was already used",
        "Ask for a new one (twitch link --guild ID on the server running TwitchRelay).");

    private static async Task<IResult> StartAsync(
        HttpContext context,
        LinkTickets tickets,
        LinkFlow flow,
        IOptions<ServiceOptions> service,
        IOptions<TwitchOptions> twitch)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return LinkPages.Refused(NotSetUp);
        }

        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : FormCollection.Empty;
        string? guild = form["guild"];
        var redeemed = guild is null ? null : await tickets.RedeemAsync(form["ticket"], guild, context.RequestAborted);
        if (redeemed is null)
        {
            return LinkPages.Refused(Expired);
        }

        var url = await BeginAsync(context, flow, service.Value, redeemed.GuildId, redeemed.IsRelink);
        // 303: the browser follows with a GET, whatever the form's method was.
        context.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>Starts a link (or re-link) for <paramref name="guildId"/> in this browser: sets the binding cookie
    /// only this browser will carry back, and returns the Twitch URL to send it to. Callers have already checked that
    /// the browser may link this guild (a ticket, or a dashboard admin of the guild).</summary>
    public static async Task<string> BeginAsync(
        HttpContext context,
        LinkFlow flow,
        ServiceOptions service,
        string guildId,
        bool relink)
    {
        var binding = OneTimeSecrets.New();
        context.Response.Cookies.Append(BindingCookie, binding, new CookieOptions
        {
            HttpOnly = true,
            // Behind a TLS-terminating proxy the request itself looks like http: trust the configured public URL.
            Secure = context.Request.IsHttps
                || service.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true,
            SameSite = SameSiteMode.Lax,
            Path = "/twitch",
            MaxAge = LinkFlow.StateLifetime,
        });
        return await flow.StartAsync(guildId, relink, binding, RedirectUri(context.Request, service),
            context.RequestAborted);
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
