using TwitchRelay.Dashboard;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Roles.Subscribers;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Hosting;

/// <summary>Builds the service. Configuration: <c>appsettings.json</c> beside the program, then environment
/// variables (<c>Discord__BotToken</c>), then <paramref name="overrides"/> (tests).</summary>
public static class RelayHost
{
    public static WebApplication BuildServer(
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Services.AddRelayCore(builder.Configuration);
        builder.Services.AddRelayPipeline();
        builder.Services.AddRelayDashboard();
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.MapRelayDashboard();
        app.MapEventSubWebhook();
        app.MapTwitchLinking();
        app.MapMemberConnect();
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        return app;
    }

    /// <summary>For command-line verbs: the same services and configuration, no web server, no background loops.
    /// </summary>
    public static IHost BuildTool(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // A verb's output is its result (`config export > rules.json`): log lines go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRelayCore(builder.Configuration);
        return builder.Build();
    }
}
