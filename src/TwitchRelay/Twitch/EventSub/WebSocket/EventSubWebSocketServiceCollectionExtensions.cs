using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>Registers the EventSub WebSocket transport.</summary>
public static class EventSubWebSocketServiceCollectionExtensions
{
    /// <summary>Adds the background service that keeps one EventSub WebSocket per linked broadcaster when
    /// <c>EventSub:Transport</c> is <c>websocket</c>. The caller registers <see cref="IEventSubSessionSubscriber"/>,
    /// <see cref="IEventSubAccountSource"/>, the bound <see cref="EventSubOptions"/> and the inbox writer.</summary>
    public static IServiceCollection AddEventSubWebSocket(this IServiceCollection services)
    {
        services.AddOptions<EventSubOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventSubWebSocketTuning>();
        services.TryAddSingleton<EventSubWebSocketConnectionFactory>();
        services.TryAddSingleton<EventSubWebSocketService>();
        services.AddHostedService(provider => provider.GetRequiredService<EventSubWebSocketService>());
        return services;
    }
}
