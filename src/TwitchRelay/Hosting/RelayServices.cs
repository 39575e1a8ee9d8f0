using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using TwitchRelay.Delivery;
using TwitchRelay.Delivery.Streams;
using TwitchRelay.Discord;
using TwitchRelay.Discord.Commands;
using TwitchRelay.Discord.Gateway;
using TwitchRelay.Roles;
using TwitchRelay.Roles.Subscribers;
using TwitchRelay.Storage;
using TwitchRelay.Twitch;
using TwitchRelay.Twitch.EventSub;
using TwitchRelay.Twitch.EventSub.WebSocket;
using TwitchRelay.Twitch.Linking;
using TwitchRelay.Twitch.Streams;
using TwitchRelay.Twitch.Subscriptions;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Hosting;

/// <summary>Everything the service and its command-line verbs share: options, storage, protection, clients.</summary>
public static class RelayServices
{
    public static IServiceCollection AddRelayCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddRelayStorage(configuration);

        services.AddOptions<TwitchOptions>().Bind(configuration.GetSection(TwitchOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwitchOptions>, TwitchOptionsValidator>();
        services.AddOptions<ServiceOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServiceOptions>, ServiceOptionsValidator>();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection("Delivery")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryDelaysValidator>();
        services.AddOptions<StreamOptions>().Bind(configuration.GetSection(StreamOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamOptions>, StreamOptionsValidator>();
        services.AddOptions<DataProtectionSettings>()
            .Bind(configuration.GetSection(DataProtectionSettings.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataProtectionSettings>, DataProtectionSettingsValidator>();

        // An empty KeysPath is reported by the options check with its name; the default only lets this line run.
        var keys = configuration.GetSection(DataProtectionSettings.Section).Get<DataProtectionSettings>() is
            { KeysPath: { Length: > 0 } } configured ? configured : new DataProtectionSettings();
        services.AddDataProtection()
            .SetApplicationName("TwitchRelay")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys.KeysPath)));

        services.AddDiscordRest();
        services.AddOptions<SubscriberRoleOptions>()
            .Bind(configuration.GetSection(SubscriberRoleOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubscriberRoleOptions>, SubscriberRoleOptionsValidator>();
        services.AddSingleton<SubscriberReconcileRequests>();
        services.AddTwitchClients();
        services.AddOptions<EventSubOptions>()
            .Bind(configuration.GetSection(EventSubOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventSubOptions>, EventSubOptionsValidator>();
        services.AddSingleton<IValidateOptions<ServiceOptions>, WebhookNeedsPublicUrl>();
        services.AddSingleton<ChangeMarkers>();
        services.AddSingleton<ServiceAddress>();
        services.AddSingleton<AccountTokens>();
        services.AddSingleton<AppTokens>();
        services.AddSingleton<TwitchCalls>();
        services.AddSingleton<IStreamInfoSource, HelixStreamInfo>();
        services.AddSingleton<LinkHealth>();
        services.AddSingleton<AccountProfileRefresher>();
        services.AddSingleton<ILinkBreaker>(provider => provider.GetRequiredService<LinkHealth>());
        services.AddSingleton<SubscriptionReconciler>();
        services.AddSingleton<LinkTickets>();
        services.AddSingleton<LinkActivation>();
        services.AddSingleton<LinkFlow>();
        services.AddSingleton<Unlinker>();
        services.AddSingleton<IUnlinkRoleCleanup, UnlinkRoleCleanup>();
        services.AddSingleton<EventSubSecretSource>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<EventSubReconnects>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<TestAlertQueue>();
        return services;
    }

    /// <summary>The background parts of <c>serve</c>: the inbox writer, the dispatcher and the sender.</summary>
    public static IServiceCollection AddRelayPipeline(this IServiceCollection services)
    {
        services.AddHostedService<StartupTasks>();
        services.AddSingleton<InboxWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxWriter>());
        services.AddSingleton<IntakeMetrics>();
        services.AddSingleton<RevocationRecorder>();
        services.AddSingleton<DeliveryAttempt>();
        services.AddSingleton<DestinationFailureNotices>();
        services.AddSingleton<StreamPlanner>();
        services.AddSingleton<StreamStateGate>();
        services.AddSingleton<InboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<InboxDispatcher>());
        services.AddSingleton<DeliverySender>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliverySender>());
        services.AddHostedService<RetentionService>();
        services.AddSingleton<LiveRoleService>();
        services.AddSingleton<IStreamLiveObserver>(provider => provider.GetRequiredService<LiveRoleService>());
        services.AddSingleton<IGatewayDispatchListener>(provider => provider.GetRequiredService<LiveRoleService>());
        services.AddHostedService(provider => provider.GetRequiredService<LiveRoleService>());
        services.AddSingleton<StreamVodWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamVodWatcher>());
        services.AddSingleton<StreamStateReconciler>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamStateReconciler>());
        services.AddSingleton<LinkedAccounts>();
        services.AddSingleton<IEventSubAccountSource>(provider => provider.GetRequiredService<LinkedAccounts>());
        services.AddSingleton<WebSocketSubscriber>();
        services.AddSingleton<IEventSubSessionSubscriber>(
            provider => provider.GetRequiredService<WebSocketSubscriber>());
        services.AddHostedService<SubscriptionSyncService>();
        services.AddEventSubWebSocket();
        services.AddHostedService<TokenValidationService>();
        services.AddDiscordGateway();
        services.AddSlashCommands();
        services.AddSingleton<SubscriberRoleWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriberRoleWorker>());
        services.AddSingleton<SubscriberRoleReconciler>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriberRoleReconciler>());
        return services;
    }

    /// <summary>Reads every option once, so a configuration mistake stops start-up with the setting's name before
    /// anything runs (ValidateOnStart would only report it from inside the host's start, among its own logs).
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        Read<StorageOptions>(services);
        Read<TwitchOptions>(services);
        Read<DiscordOptions>(services);
        Read<DataProtectionSettings>(services);
        Read<ServiceOptions>(services);
        Read<EventSubOptions>(services);
        Read<DeliveryOptions>(services);
        Read<StreamOptions>(services);
        Read<SubscriberRoleOptions>(services);
    }

    /// <summary>A value the binder cannot convert ("abc" for a number) is a configuration mistake too; its message
    /// already names the setting (<c>'Delivery:MaxAttempts'</c>).</summary>
    private static void Read<TOptions>(IServiceProvider services)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (InvalidOperationException exception)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), [exception.Message]);
        }
    }
}
