using System.ComponentModel.DataAnnotations;

namespace TwitchRelay;

/// <summary>Accepts an absolute http or https URL, or nothing (use [Required] to demand a value).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    public bool RequireHttps { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrEmpty(text))
        {
            return ValidationResult.Success;
        }

        var ok = Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || (!RequireHttps && uri.Scheme == Uri.UriSchemeHttp));
        return ok
            ? ValidationResult.Success
            : new ValidationResult(
                $"{validationContext.DisplayName} must be an absolute {(RequireHttps ? "https" : "http(s)")} URL, "
                + $"got '{text}'.",
                [validationContext.MemberName ?? validationContext.DisplayName]);
    }
}
