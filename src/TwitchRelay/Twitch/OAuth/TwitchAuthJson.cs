using System.Text.Json.Serialization;

namespace TwitchRelay.Twitch.OAuth;

/// <summary>The /oauth2/token answer. <c>scope</c> is an array for user tokens and absent for app tokens.
/// https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow</summary>
internal sealed record TokenBody(
    string? AccessToken,
    string? RefreshToken,
    long? ExpiresIn,
    IReadOnlyList<string>? Scope,
    string? TokenType);

/// <summary>The /oauth2/validate answer. https://dev.twitch.tv/docs/authentication/validate-tokens/</summary>
internal sealed record ValidateBody(
    string? ClientId,
    string? Login,
    IReadOnlyList<string>? Scopes,
    string? UserId,
    long? ExpiresIn);

/// <summary>The error body of id.twitch.tv and of Helix: <c>{"status":400,"message":"..."}</c>, with an
/// <c>error</c> name on Helix.</summary>
internal sealed record TwitchErrorBody(int? Status, string? Message, string? Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TokenBody))]
[JsonSerializable(typeof(ValidateBody))]
[JsonSerializable(typeof(TwitchErrorBody))]
internal sealed partial class TwitchAuthJsonContext : JsonSerializerContext;
