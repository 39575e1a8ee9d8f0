using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using TwitchRelay.Hosting;
using TwitchRelay.Twitch;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Roles.Subscribers;

/// <summary><c>GET /twitch/connect?ticket=T</c> shows what is about to happen; its button POSTs, which uses up the
/// ticket (so a chat app's link preview cannot); <c>GET /twitch/connect/callback</c> finishes. Only the browser
/// that pressed the button (binding cookie) can finish. The callback URL must be registered on the Twitch app.
/// </summary>
public static class MemberConnectEndpoints
{
    public const string ConnectPath = "/twitch/connect";
    public const string CallbackPath = "/twitch/connect/callback";
    private const string BindingCookie = "twitchrelay_connect";

    public static IEndpointRouteBuilder MapMemberConnect(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ConnectPath, ConfirmAsync).ExcludeFromDescription();
        endpoints.MapPost(ConnectPath, StartAsync).ExcludeFromDescription();
        endpoints.MapGet(CallbackPath, CompleteAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ConfirmAsync(
        HttpContext context,
        string? ticket,
        MemberConnectFlow flow,
        IOptions<TwitchOptions> twitch)
    {
        if (!twitch.Value.HasClientCredentials)
        {
            return Page("Connecting is not set up on this server",
                "Its operator must set Twitch:ClientId and Twitch:ClientSecret.", 400);
        }

        if (!await flow.IsValidTicketAsync(ticket, context.RequestAborted))
        {
            return Page(Expired.Title, Expired.Explanation, 400);
        }

        return Page(
            "Connect your Twitch account",
            "This connects your Twitch account to your Discord account so your subscriber roles follow your "
            + "subscriptions. Twitch will ask you to sign in; no permissions are asked, only who you are.",
            200,
            $"<form method=\"post\" action=\"{ConnectPath}\">"
            + $"<input type=\"hidden\" name=\"ticket\" value=\"{Encode(ticket!)}\">"
            + "<button type=\"submit\">Continue to Twitch</button></form>");
    }

    private static readonly MemberConnectOutcome Expired = new(false, "This link has expired or was already used",
        "Use /twitch connect in Discord again for a new one.");

    private static async Task<IResult> StartAsync(
        HttpContext context,
        MemberConnectFlow flow,
        IOptions<ServiceOptions> service)
    {
        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : FormCollection.Empty;
        var binding = OneTimeSecrets.New();
        var root = service.Value.PublicUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}";
        var redirectUri = root + CallbackPath;
        var url = await flow.StartAsync(form["ticket"], binding, redirectUri, context.RequestAborted);
        if (url is null)
        {
            return Page(Expired.Title, Expired.Explanation, 400);
        }

        context.Response.Cookies.Append(BindingCookie, binding, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps
                || service.Value.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true,
            SameSite = SameSiteMode.Lax,
            Path = ConnectPath,
            MaxAge = MemberConnectFlow.TicketLifetime,
        });
        context.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> CompleteAsync(HttpContext context, MemberConnectFlow flow)
    {
        var query = context.Request.Query;
        var outcome = await flow.CompleteAsync(
            query["code"], query["state"], query["error"], context.Request.Cookies[BindingCookie],
            context.RequestAborted);
        return Page(outcome.Title, outcome.Explanation, outcome.Connected ? 200 : 400);
    }

    private static IResult Page(string title, string text, int status, string extra = "") => Results.Content(
        $"""
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(title)}</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
        <h1>{Encode(title)}</h1><p>{Encode(text)}</p>{extra}</body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
