namespace TwitchRelay.Alerts;

/// <summary>How the dashboard groups event keys; each category has its own embed colour.</summary>
public enum EventCategory
{
    Community,
    Moderation,
    Monetization,
    Engagement,
    Stream,
}

/// <summary>Embed colours per category, as the integer Discord expects in <c>embed.color</c>.</summary>
public static class EventCategoryColors
{
    /// <summary>The embed colour (0xRRGGBB) for a category.</summary>
    public static int Color(this EventCategory category) => category switch
    {
        EventCategory.Community => 0x9146FF, // Twitch purple
        EventCategory.Moderation => 0xE5484D,
        EventCategory.Monetization => 0xF5B700,
        EventCategory.Engagement => 0x3B82F6,
        EventCategory.Stream => 0x22C55E,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown event category."),
    };
}
