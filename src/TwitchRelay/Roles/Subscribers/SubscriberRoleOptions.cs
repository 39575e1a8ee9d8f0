using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Roles.Subscribers;

/// <summary>Settings under <c>Roles:</c> for the subscriber role sync.</summary>
public sealed class SubscriberRoleOptions
{
    public const string Section = "Roles";

    /// <summary>How long a subscriber keeps the role after Twitch's <c>channel.subscription.end</c>, so a renewal
    /// a little late does not take it away and give it back.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "31.00:00:00",
        ErrorMessage = "Roles:SubscriberEndGrace must be between 00:00:00 and 31.00:00:00 (31 days)")]
    public TimeSpan SubscriberEndGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often subscriber roles are compared with Get Broadcaster Subscriptions (also at start-up):
    /// Twitch sends no end event for some lapsed gifts.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00",
        ErrorMessage = "Roles:SubscriberReconcileInterval must be between 00:05:00 and 1.00:00:00 (a day)")]
    public TimeSpan SubscriberReconcileInterval { get; set; } = TimeSpan.FromHours(3);
}

[OptionsValidator]
public sealed partial class SubscriberRoleOptionsValidator : IValidateOptions<SubscriberRoleOptions>;
