using Microsoft.Extensions.Options;

namespace TwitchRelay.Delivery.Streams;

/// <summary>How go-live posts treat a stream that drops and comes back (section <c>Streams</c>).</summary>
public sealed class StreamOptions
{
    public const string Section = "Streams";

    /// <summary>Twitch caches Get Streams for a few minutes: a channel that went live (or offline) moments ago may be
    /// missing from it (or still listed). Not a setting: what the live role and the lost-offline check allow for.
    /// https://dev.twitch.tv/docs/api/reference/#get-streams</summary>
    public static readonly TimeSpan GetStreamsCacheLag = TimeSpan.FromMinutes(5);

    /// <summary>A stream that goes live again less than this time after going offline keeps its post (edited back
    /// to live) and pings nobody again; one that starts exactly at the grace's end is a new post. Zero makes every
    /// go-live a new post.</summary>
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after a stream ends the relay keeps asking Twitch for its VOD (Get Videos) to edit the
    /// link into the ended post. Twitch usually has the archive within minutes.</summary>
    public TimeSpan VodSearch { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often it asks while searching.</summary>
    public TimeSpan VodCheckInterval { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Names the setting that is wrong, at start-up.</summary>
internal sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, StreamOptions options)
    {
        var failures = new List<string>();
        if (options.OfflineGrace < TimeSpan.Zero || options.OfflineGrace > Day)
        {
            failures.Add("Streams:OfflineGrace must be between 00:00:00 and 1.00:00:00 (one day).");
        }

        if (options.VodSearch < TimeSpan.Zero || options.VodSearch > 7 * Day)
        {
            failures.Add("Streams:VodSearch must be between 00:00:00 and 7.00:00:00.");
        }

        if (options.VodCheckInterval < TimeSpan.FromSeconds(10) || options.VodCheckInterval > Day)
        {
            failures.Add("Streams:VodCheckInterval must be between 00:00:10 and 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
