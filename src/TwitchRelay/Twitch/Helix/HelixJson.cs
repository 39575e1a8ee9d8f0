using System.Text.Json;
using System.Text.Json.Serialization;

namespace TwitchRelay.Twitch.Helix;

/// <summary>Get Users answer. https://dev.twitch.tv/docs/api/reference/#get-users</summary>
internal sealed record UsersBody(IReadOnlyList<UserBody>? Data);

internal sealed record UserBody(
    string? Id,
    string? Login,
    string? DisplayName,
    string? BroadcasterType,
    string? ProfileImageUrl);

/// <summary>Get and Create EventSub Subscription answers.
/// https://dev.twitch.tv/docs/api/reference/#get-eventsub-subscriptions</summary>
internal sealed record SubscriptionsBody(
    IReadOnlyList<SubscriptionBody>? Data,
    int? Total,
    int? TotalCost,
    int? MaxTotalCost,
    PaginationBody? Pagination);

internal sealed record PaginationBody(string? Cursor);

/// <summary>A subscription; condition values are read as JSON because Twitch may echo optional keys as null.
/// </summary>
internal sealed record SubscriptionBody(
    string? Id,
    string? Status,
    string? Type,
    string? Version,
    Dictionary<string, JsonElement>? Condition,
    TransportBody? Transport,
    int? Cost,
    DateTimeOffset? CreatedAt);

internal sealed record TransportBody(string? Method, string? Callback, string? SessionId, string? ConduitId);

/// <summary>Create EventSub Subscription body.
/// https://dev.twitch.tv/docs/api/reference/#create-eventsub-subscription</summary>
internal sealed record CreateSubscriptionBody(
    string Type,
    string Version,
    IReadOnlyDictionary<string, string> Condition,
    CreateTransportBody Transport);

internal sealed record CreateTransportBody(string Method, string? Callback, string? Secret, string? SessionId);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UsersBody))]
[JsonSerializable(typeof(SubscriptionsBody))]
[JsonSerializable(typeof(CreateSubscriptionBody))]
internal sealed partial class HelixJsonContext : JsonSerializerContext;
