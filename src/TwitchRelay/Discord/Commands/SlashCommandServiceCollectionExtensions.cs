using Microsoft.Extensions.DependencyInjection.Extensions;
using TwitchRelay.Discord.Gateway;
using TwitchRelay.Roles.Subscribers;

namespace TwitchRelay.Discord.Commands;

/// <summary>Registers the slash commands: registration at READY and answers to INTERACTION_CREATE.</summary>
public static class SlashCommandServiceCollectionExtensions
{
    public static IServiceCollection AddSlashCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<InteractionTuning>();
        services.TryAddSingleton<DiscordInteractionClient>();
        services.TryAddSingleton<TestAlerts>();
        services.TryAddSingleton<MemberConnectFlow>();
        services.TryAddSingleton<MemberDisconnector>();
        services.TryAddSingleton<ISubscriberCommands, SubscriberCommands>();
        services.TryAddSingleton<TwitchCommandHandler>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<InteractionResponder>();
        services.AddSingleton<IGatewayDispatchListener>(provider => provider.GetRequiredService<CommandRegistrar>());
        services.AddSingleton<IGatewayDispatchListener>(
            provider => provider.GetRequiredService<InteractionResponder>());
        return services;
    }
}
