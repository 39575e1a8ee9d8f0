using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.OAuth;

namespace TwitchRelay.Twitch;

public static class TwitchServiceCollectionExtensions
{
    private const string RepositoryUrl = "https://github.com/twitchrelay/twitchrelay";

    /// <summary>Registers <see cref="TwitchAuthClient"/> and <see cref="TwitchHelixClient"/> as typed HttpClients
    /// on <see cref="TwitchOptions.AuthBaseUrl"/> and <see cref="TwitchOptions.ApiBaseUrl"/>, and binds
    /// <see cref="TwitchOptions"/> from the "Twitch" section. GET and DELETE calls are retried on 5xx answers and
    /// timeouts; POSTs (tokens, subscription creates) never are.</summary>
    public static IServiceCollection AddTwitchClients(this IServiceCollection services)
    {
        services.AddOptions<TwitchOptions>().BindConfiguration(TwitchOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new TwitchHttpTuning());

        services
            .AddHttpClient(nameof(TwitchAuthClient))
            .AddTypedClient((http, sp) => new TwitchAuthClient(
                http,
                sp.GetRequiredService<IOptions<TwitchOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<TwitchAuthClient>>()))
            .ConfigureTwitchHttp("twitch-auth");

        services
            .AddHttpClient(nameof(TwitchHelixClient))
            .AddTypedClient((http, sp) => new TwitchHelixClient(
                http,
                sp.GetRequiredService<IOptions<TwitchOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<TwitchHttpTuning>(),
                sp.GetRequiredService<ILogger<TwitchHelixClient>>()))
            .ConfigureTwitchHttp("twitch-helix");

        return services;
    }

    internal static string UserAgent()
    {
        var assembly = typeof(TwitchHelixClient).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return $"TwitchRelay/{(plus < 0 ? version : version[..plus])} (+{RepositoryUrl})";
    }

    private static IHttpClientBuilder ConfigureTwitchHttp(this IHttpClientBuilder builder, string pipelineName)
    {
        builder
            .ConfigureHttpClient(http =>
            {
                // Timeouts are per attempt, in the resilience pipeline, on the injected TimeProvider.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent());
            })

            // The default HttpClient loggers write request URLs and, at Trace, headers: tokens must not get there.
            .RemoveAllLoggers()
            .AddResilienceHandler(pipelineName, (pipeline, context) =>
                ConfigurePipeline(pipeline, context.ServiceProvider.GetRequiredService<TwitchHttpTuning>()));
        return builder;
    }

    // Only idempotent calls are retried. A token POST must not be repeated (a code is single-use, a refresh token
    // rotates), and a repeated subscription create would answer 409 for the first attempt's subscription.
    private static void ConfigurePipeline(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        TwitchHttpTuning tuning)
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
                ShouldHandle = args => ValueTask.FromResult(
                    IsIdempotent(args.Context.GetRequestMessage()) && IsTransient(args.Outcome)),
            })
            .AddTimeout(tuning.AttemptTimeout);
    }

    private static bool IsIdempotent(HttpRequestMessage? request) =>
        request?.Method == HttpMethod.Get || request?.Method == HttpMethod.Delete;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { StatusCode: >= System.Net.HttpStatusCode.InternalServerError };
}
