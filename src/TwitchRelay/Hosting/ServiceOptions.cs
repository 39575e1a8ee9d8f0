using Microsoft.Extensions.Options;

namespace TwitchRelay.Hosting;

/// <summary>Top-level settings of the service.</summary>
public sealed class ServiceOptions
{
    /// <summary>The service's public https URL; Twitch's webhook callback is <c>{PublicUrl}/twitch/eventsub</c>
    /// (Twitch only calls https on port 443: https://dev.twitch.tv/docs/eventsub/handling-webhook-events/).</summary>
    [AbsoluteHttpUrl(RequireHttps = true)]
    public string? PublicUrl { get; set; }

    /// <summary>Where Kestrel listens (read by ASP.NET Core itself; bound here only to be checked at start-up).
    /// </summary>
    [ListenUrls]
    public string? Urls { get; set; }
}

[OptionsValidator]
public sealed partial class ServiceOptionsValidator : IValidateOptions<ServiceOptions>;
