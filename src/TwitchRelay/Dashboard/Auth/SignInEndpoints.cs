using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TwitchRelay.Discord;
using TwitchRelay.Hosting;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Dashboard.Auth;

/// <summary>"Sign in with Discord": <c>GET /signin/discord</c> sends the browser to Discord with a fresh
/// <c>state</c> that is also kept, encrypted, in a short-lived cookie of this browser; <c>GET /signin/callback</c>
/// accepts the answer only with that cookie and that state, once, then exchanges the code and starts the session.
/// https://discord.com/developers/docs/topics/oauth2#state-and-security</summary>
public static partial class SignInEndpoints
{
    public const string StartPath = "/signin/discord";
    public const string CallbackPath = "/signin/callback";
    private const string StateCookie = "twitchrelay_signin";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapDashboardSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(StartPath, Start).ExcludeFromDescription();
        endpoints.MapGet(CallbackPath, CompleteAsync).ExcludeFromDescription();
        return endpoints;
    }

    public static bool IsSecure(HttpRequest request, ServiceOptions service) =>
        request.IsHttps || service.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    private static IResult Start(
        HttpContext context,
        string? returnUrl,
        DiscordOAuthClient oauth,
        IDataProtectionProvider protection,
        IOptions<DiscordOptions> discord,
        IOptions<ServiceOptions> service)
    {
        if (!discord.Value.HasOAuthClient)
        {
            return Results.Redirect("/signin");
        }

        var state = OneTimeSecrets.New();
        var local = IsLocal(returnUrl) ? returnUrl! : "/servers";
        var payload = Protector(protection).Protect($"{state}\n{local}", StateLifetime);
        context.Response.Cookies.Append(StateCookie, payload, new CookieOptions
        {
            HttpOnly = true,
            Secure = IsSecure(context.Request, service.Value),
            SameSite = SameSiteMode.Lax,
            Path = "/signin",
            MaxAge = StateLifetime,
        });
        return Results.Redirect(oauth.BuildAuthorizeUrl(RedirectUri(context.Request, service.Value), state));
    }

    private static async Task<IResult> CompleteAsync(
        HttpContext context,
        DiscordOAuthClient oauth,
        IDataProtectionProvider protection,
        IMemoryCache used,
        IOptions<ServiceOptions> service,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SignInEndpoints));
        var query = context.Request.Query;
        var cookie = context.Request.Cookies[StateCookie];
        context.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/signin" });

        var expected = Unprotect(Protector(protection), cookie);
        string? state = query["state"];
        var usedKey = "signin-state:" + OneTimeSecrets.Hash(state ?? "");
        if (expected is null || state is null || !SameSecret(expected.Value.State, state)
            || used.TryGetValue(usedKey, out _))
        {
            LogStateRefused(logger);
            return Results.Redirect("/signin?error=state");
        }

        // Single use, even if the same browser replays the callback before its cookie is gone.
        used.Set(usedKey, true, StateLifetime);
        string? code = query["code"];
        if (query.ContainsKey("error") || string.IsNullOrEmpty(code))
        {
            return Results.Redirect("/signin?error=denied");
        }

        var token = await oauth.ExchangeCodeAsync(code, RedirectUri(context.Request, service.Value),
            context.RequestAborted);
        var user = token is null ? null : await oauth.GetCurrentUserAsync(token, context.RequestAborted);
        if (token is null || user is null)
        {
            return Results.Redirect("/signin?error=exchange");
        }

        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = DashboardSession.AccessTokenName, Value = token }]);
        await context.SignInAsync(DashboardSession.Scheme, DashboardSession.CreatePrincipal(user), properties);
        LogSignedIn(logger, user.Id);
        return Results.Redirect(expected.Value.ReturnUrl);
    }

    /// <summary>Registered on the Discord application (OAuth2 → Redirects).</summary>
    public static string RedirectUri(HttpRequest request, ServiceOptions service) =>
        (service.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}") + CallbackPath;

    /// <summary>Only paths on this site: an open redirect would let a crafted sign-in link send users elsewhere.
    /// Browsers drop tabs and line breaks from a Location and read a backslash as a slash, so "/\t/evil.example" and
    /// "/\\evil.example" would leave the site (https://url.spec.whatwg.org/#concept-basic-url-parser); any control
    /// character, space or backslash is refused.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("TwitchRelay.Dashboard.SignInState").ToTimeLimitedDataProtector();

    private static (string State, string ReturnUrl)? Unprotect(ITimeLimitedDataProtector protector, string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(cookie).Split('\n', 2);
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (CryptographicException)
        {
            // Expired, or not made by this service: the same as no cookie.
            return null;
        }
    }

    private static bool SameSecret(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Dashboard sign-in refused: state missing, expired, used or from another browser")]
    private static partial void LogStateRefused(ILogger logger);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Discord user {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);
}
