using Microsoft.Extensions.Options;
using TwitchRelay.Discord;
using TwitchRelay.Storage;
using TwitchRelay.Twitch;

namespace TwitchRelay.Hosting;

/// <summary>Turns a validation failure into the name a user writes in configuration
/// (<c>DiscordOptions.ApiBaseUrl</c> → <c>Discord:ApiBaseUrl</c>).</summary>
internal static class SettingNames
{
    private static readonly Dictionary<Type, string> Sections = new()
    {
        [typeof(DiscordOptions)] = DiscordOptions.Section,
        [typeof(TwitchOptions)] = TwitchOptions.Section,
        [typeof(StorageOptions)] = StorageOptions.Section,
        [typeof(DataProtectionSettings)] = DataProtectionSettings.Section,
        [typeof(ServiceOptions)] = "",
        [typeof(Twitch.EventSub.EventSubOptions)] = Twitch.EventSub.EventSubOptions.Section,
        [typeof(Delivery.DeliveryOptions)] = "Delivery",
        [typeof(Roles.Subscribers.SubscriberRoleOptions)] = Roles.Subscribers.SubscriberRoleOptions.Section,
    };

    public static IEnumerable<string> Describe(OptionsValidationException exception)
    {
        var section = Sections.GetValueOrDefault(exception.OptionsType);
        var prefix = string.IsNullOrEmpty(section) ? "" : section + ":";
        foreach (var failure in exception.Failures)
        {
            var text = failure.Replace(exception.OptionsType.Name + ".", prefix, StringComparison.Ordinal);
            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            var member = colon > 0 ? text[..colon] : "";
            var isBareMember = member.Length > 0 && member.All(char.IsAsciiLetterOrDigit);

            // "ApiBaseUrl: Discord:ApiBaseUrl must be …" reads better without its bare member name, and without the
            // data annotations' "The field" in front of the setting.
            var message = isBareMember ? text[(colon + 2)..] : text;
            yield return message.StartsWith("The field ", StringComparison.Ordinal) ? message[10..] : message;
        }
    }
}
