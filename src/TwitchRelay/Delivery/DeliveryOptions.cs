using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Delivery;

/// <summary>How hard the sender tries before it gives a delivery up, and how many destinations it serves at once
/// (the <c>Delivery</c> section of the settings).</summary>
public sealed class DeliveryOptions
{
    /// <summary>Attempts (first try included) before a delivery that keeps failing transiently is failed for good.
    /// With the back-off below that is a little over an hour of trying.</summary>
    [Range(1, 1000, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 1000.")]
    public int MaxAttempts { get; set; } = 10;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the loops look at the database when nothing woke them.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Destinations sent to at once; one destination is always sent to in order, one at a time.</summary>
    [Range(1, 64, ErrorMessage = "Delivery:ParallelDestinations must be between 1 and 64.")]
    public int ParallelDestinations { get; set; } = 8;
}

[OptionsValidator]
public sealed partial class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>;

/// <summary>Delays must be positive and the first retry no longer than the longest.</summary>
internal sealed class DeliveryDelaysValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.FirstRetryDelay <= TimeSpan.Zero || options.FirstRetryDelay > options.MaxRetryDelay)
        {
            failures.Add("Delivery:FirstRetryDelay must be positive and at most Delivery:MaxRetryDelay.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Delivery:PollInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
