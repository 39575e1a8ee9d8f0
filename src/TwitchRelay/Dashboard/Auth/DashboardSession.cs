using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace TwitchRelay.Dashboard.Auth;

/// <summary>The dashboard's session: a cookie whose payload (claims and the user's Discord access token) is encrypted
/// and signed by Data Protection, so the token never reaches the browser in a readable form and is never stored
/// elsewhere.</summary>
public static class DashboardSession
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string CookieName = "twitchrelay_session";
    public const string AccessTokenName = "discord_access_token";
    public const string AvatarClaim = "discord_avatar";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static ClaimsPrincipal CreatePrincipal(OAuthUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.GlobalName ?? user.Username),
        };
        if (user.Avatar is not null)
        {
            claims.Add(new Claim(AvatarClaim, user.Avatar));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static Task<string?> AccessTokenAsync(this HttpContext context) =>
        context.GetTokenAsync(Scheme, AccessTokenName);
}
