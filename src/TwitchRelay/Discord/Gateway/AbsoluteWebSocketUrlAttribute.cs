using System.ComponentModel.DataAnnotations;

namespace TwitchRelay.Discord.Gateway;

/// <summary>Accepts an absolute ws or wss URL, or nothing (use [Required] to demand a value).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteWebSocketUrlAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrEmpty(text))
        {
            return ValidationResult.Success;
        }

        var ok = Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeWss || uri.Scheme == Uri.UriSchemeWs);
        return ok
            ? ValidationResult.Success
            : new ValidationResult(
                $"{validationContext.DisplayName} must be an absolute ws(s) URL, got '{text}'.",
                [validationContext.MemberName ?? validationContext.DisplayName]);
    }
}

/// <summary>Accepts a Discord id (a snowflake: digits only), or nothing.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DiscordIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrEmpty(text) || Snowflake.IsValid(text))
        {
            return ValidationResult.Success;
        }

        return new ValidationResult(
            $"{validationContext.DisplayName} must be a Discord id (digits only), got '{text}'.",
            [validationContext.MemberName ?? validationContext.DisplayName]);
    }
}
