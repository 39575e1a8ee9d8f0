namespace TwitchRelay.Storage.Entities;

/// <summary>What a stream.online rule's go-live post becomes when the stream ends (README, "Stream posts").
/// </summary>
public static class StreamOfflineActions
{
    /// <summary>Edit the post to "ended" with the duration and the VOD link (the default).</summary>
    public const string Edit = "edit";

    /// <summary>Delete the post.</summary>
    public const string Delete = "delete";

    /// <summary>Leave the post and post a separate "went offline" message in the same place.</summary>
    public const string Message = "message";

    /// <summary>Leave the post as it is.</summary>
    public const string None = "none";

    public static IReadOnlyList<string> All { get; } = [Edit, Delete, Message, None];

    public static string Of(AlertRule rule) => rule.OfflineAction ?? Edit;
}
