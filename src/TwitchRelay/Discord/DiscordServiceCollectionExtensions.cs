using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace TwitchRelay.Discord;

public static class DiscordServiceCollectionExtensions
{
    private const string RepositoryUrl = "https://github.com/twitchrelay/twitchrelay";

    /// <summary>Registers <see cref="DiscordRestClient"/> (a typed HttpClient) and the
    /// <see cref="Guilds.DiscordGuildClient"/> built on it, their rate limiter and counters, and
    /// binds <see cref="DiscordOptions"/> from the "Discord" section.</summary>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DiscordRestTuning());
        services.TryAddSingleton<DiscordRestStats>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<Guilds.DiscordBotIdentity>();
        services.TryAddTransient<Guilds.DiscordGuildClient>();
        services.TryAddTransient<AdminNotices>();

        services
            .AddHttpClient(nameof(DiscordRestClient))
            .AddTypedClient((http, sp) => new DiscordRestClient(
                http,
                sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
                sp.GetRequiredService<DiscordRateLimiter>(),
                sp.GetRequiredService<DiscordRestStats>(),
                sp.GetRequiredService<DiscordRestTuning>(),
                sp.GetRequiredService<ILogger<DiscordRestClient>>()))
            .ConfigureHttpClient(http =>
            {
                // Timeouts are per attempt, in the resilience pipeline, on the injected TimeProvider.
                http.Timeout = Timeout.InfiniteTimeSpan;

                // Discord requires this User-Agent; requests without it may be blocked.
                // https://discord.com/developers/docs/reference#user-agent
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent());
            })

            // The default HttpClient loggers write the request URL, which holds the webhook token.
            .RemoveAllLoggers()
            .AddResilienceHandler("discord", (pipeline, context) =>
            {
                var tuning = context.ServiceProvider.GetRequiredService<DiscordRestTuning>();
                var logger = context.ServiceProvider.GetRequiredService<ILogger<DiscordRestClient>>();
                ConfigurePipeline(pipeline, tuning, logger);
            });

        return services;
    }

    internal static string UserAgent()
    {
        var assembly = typeof(DiscordRestClient).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"DiscordBot ({RepositoryUrl}, {(plus < 0 ? version : version[..plus])})";
    }

    // Only 5xx answers and failures to get an answer are retried here; 429s are the rate limiter's, other 4xx are
    // final. The same request message is sent again, so a channel POST keeps its nonce and Discord dedupes it.
    // https://discord.com/developers/docs/resources/message#create-message
    private static void ConfigurePipeline(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        DiscordRestTuning tuning,
        ILogger logger)
    {
        pipeline
            .AddTimeout(tuning.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = tuning.MaxTransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = tuning.TransientBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    var key = new HttpRequestOptionsKey<string>(DiscordRestClient.RouteOptionKey);
                    var route = args.Context.GetRequestMessage()?.Options.TryGetValue(key, out var r) == true
                        ? r
                        : "?";
                    var outcome = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name ?? "?";
                    DiscordRestLog.TransientRetry(
                        logger,
                        route,
                        outcome,
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(tuning.AttemptTimeout);
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { StatusCode: >= System.Net.HttpStatusCode.InternalServerError };
}
