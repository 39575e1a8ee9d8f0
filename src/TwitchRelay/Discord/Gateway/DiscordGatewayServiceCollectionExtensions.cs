using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TwitchRelay.Discord.Gateway;

/// <summary>Registers the bot's gateway session.</summary>
public static class DiscordGatewayServiceCollectionExtensions
{
    /// <summary>Adds the background gateway session (it connects only when <c>Discord:BotToken</c> is set) and
    /// <see cref="IBotGuilds"/>. Listeners are added as <see cref="IGatewayDispatchListener"/> singletons.</summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayTuning>();
        services.TryAddSingleton<BotGuilds>();
        services.TryAddSingleton<IBotGuilds>(provider => provider.GetRequiredService<BotGuilds>());
        services.TryAddSingleton<DiscordGatewayService>();
        services.AddHostedService(provider => provider.GetRequiredService<DiscordGatewayService>());
        return services;
    }
}
