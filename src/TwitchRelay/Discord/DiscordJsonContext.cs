using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwitchRelay.Discord;

/// <summary>Error body. https://discord.com/developers/docs/reference#error-messages</summary>
internal sealed record DiscordErrorBody(int? Code, string? Message, JsonElement? Errors);

/// <summary>429 body. https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit</summary>
internal sealed record DiscordRateLimitBody(string? Message, double? RetryAfter, bool? Global, int? Code);

/// <summary>The part of a message object the client needs.
/// https://discord.com/developers/docs/resources/message</summary>
internal sealed record DiscordMessageBody(string? Id, string? ChannelId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(DiscordRateLimitBody))]
[JsonSerializable(typeof(DiscordMessageBody))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
