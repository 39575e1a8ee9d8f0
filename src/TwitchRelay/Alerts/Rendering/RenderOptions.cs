namespace TwitchRelay.Alerts;

/// <summary>What one alert rule asks of a message.</summary>
/// <param name="MentionRoleIds">Discord role ids to ping (digits only); exactly these may be pinged.</param>
/// <param name="Template">Optional content line with <c>{placeholder}</c>s; null for the default line.</param>
public sealed record RenderOptions(IReadOnlyList<string> MentionRoleIds, string? Template)
{
    /// <summary>No pings, default content.</summary>
    public static RenderOptions Default { get; } = new([], null);
}
