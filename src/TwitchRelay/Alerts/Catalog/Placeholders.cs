namespace TwitchRelay.Alerts;

/// <summary>Template placeholder names. Every key offers <see cref="Common"/>; the rest depend on the event.</summary>
internal static class Placeholders
{
    public static readonly string[] Common = ["broadcaster", "broadcaster_login", "channel_url", "event"];

    public static readonly string[] User = ["user", "user_login"];

    public static readonly string[] ModeratedUser = [.. User, "moderator"];

    public static readonly string[] Poll = ["title", "choices", "total_votes", "leader"];

    public static readonly string[] PollEnd = ["title", "choices", "total_votes", "winner", "status"];

    public static readonly string[] Prediction = ["title", "outcomes", "total_points", "total_users"];

    public static readonly string[] PredictionEnd = [.. Prediction, "winner", "status"];

    public static readonly string[] Goal = ["title", "goal_type", "current", "target", "percent"];

    public static readonly string[] HypeTrain = ["level", "total", "progress", "goal", "top_contributor", "shared"];

    public static readonly string[] HypeTrainEnd = ["level", "total", "top_contributor", "shared"];

    public static readonly string[] Subscription = [.. User, "tier"];
}
