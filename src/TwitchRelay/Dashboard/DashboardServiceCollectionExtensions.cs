using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using TwitchRelay.Dashboard.Auth;
using TwitchRelay.Cli.Config;
using TwitchRelay.Dashboard.Guilds;
using TwitchRelay.Dashboard.Rules;
using TwitchRelay.Discord;
using TwitchRelay.Hosting;

namespace TwitchRelay.Dashboard;

/// <summary>The web dashboard at <c>/</c>: Razor Pages (server-rendered, antiforgery on every form, usable without
/// JavaScript), Pico CSS from <c>wwwroot/lib/pico</c>, and a cookie session started by "Sign in with Discord".
/// </summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddRelayDashboard(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Dashboard/Pages";
            options.Conventions.AuthorizePage("/Servers");
            options.Conventions.AuthorizePage("/Account");
            options.Conventions.AuthorizeFolder("/Guilds");
        });
        services.AddAuthentication(DashboardSession.Scheme).AddCookie(DashboardSession.Scheme);
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, ConfigureSessionCookie>();
        services.AddAuthorization();

        services.AddHttpClient<DiscordOAuthClient>(http =>
            {
                http.Timeout = TimeSpan.FromSeconds(15);

                // https://discord.com/developers/docs/reference#user-agent
                http.DefaultRequestHeaders.TryAddWithoutValidation(
                    "User-Agent",
                    DiscordServiceCollectionExtensions.UserAgent());
            })
            // The default HttpClient loggers are not needed, and nothing here should ever log a header.
            .RemoveAllLoggers();
        services.AddSingleton<ManagedGuilds>();
        services.AddTransient<BotPresence>();
        services.AddTransient<GuildDirectory>();
        services.AddSingleton<GuildOverview>();
        services.AddSingleton<GuildActivity>();
        services.AddSingleton<AlertConfigStore>();
        services.AddSingleton<FollowedChannelResolver>();
        services.AddSingleton<WebSocketFollowLimit>();
        services.AddSingleton<GuildRoleSettingsStore>();
        services.AddTransient<GuildRoles>();
        services.AddSingleton<ConnectedMembers>();
        services.AddSingleton<TestAlerts>();
        return services;
    }

    public static WebApplication MapRelayDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDashboardSignIn();
        app.MapRazorPages();
        return app;
    }

    /// <summary>HttpOnly, SameSite=Lax (the OAuth callback is a top-level GET from Discord), Secure whenever the
    /// public URL is https (behind a TLS-terminating proxy the request itself looks like http).</summary>
    private sealed class ConfigureSessionCookie(IOptions<ServiceOptions> service)
        : IConfigureNamedOptions<CookieAuthenticationOptions>
    {
        public void Configure(string? name, CookieAuthenticationOptions options)
        {
            if (name != DashboardSession.Scheme)
            {
                return;
            }

            var https = service.Value.PublicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
            options.Cookie.Name = DashboardSession.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.ExpireTimeSpan = DashboardSession.Lifetime;
            options.SlidingExpiration = false;
        }

        public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
    }
}
