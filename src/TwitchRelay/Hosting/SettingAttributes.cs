using System.ComponentModel.DataAnnotations;

using System.Text.RegularExpressions;

namespace TwitchRelay.Hosting;

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

/// <summary>Accepts a Discord id, or nothing. Snowflakes of anything made since 2015 have 17 to 20 digits.
/// https://discord.com/developers/docs/reference#snowflakes</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed partial class DiscordIdAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrEmpty(text) || DiscordIdPattern().IsMatch(text))
        {
            return ValidationResult.Success;
        }

        return new ValidationResult(
            $"{validationContext.DisplayName} must be a Discord id (17 to 20 digits), got '{text}'.",
            [validationContext.MemberName ?? validationContext.DisplayName]);
    }

    [GeneratedRegex(@"^\d{17,20}$")]
    private static partial Regex DiscordIdPattern();
}

/// <summary>Accepts what Kestrel takes in <c>Urls</c>: http(s) URLs separated by ';', with a host name, an address,
/// or <c>*</c> / <c>+</c> for every address. A typo would otherwise start Kestrel on a port nobody chose.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListenUrlsAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }

        foreach (var url in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsable = url.Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal);
            var ok = Uri.TryCreate(parsable, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && uri.AbsolutePath == "/";
            if (!ok)
            {
                return new ValidationResult(
                    $"{validationContext.DisplayName} must be http(s) URLs separated by ';', such as "
                    + $"http://localhost:5080; got '{url}'.",
                    [validationContext.MemberName ?? validationContext.DisplayName]);
            }
        }

        return ValidationResult.Success;
    }
}
