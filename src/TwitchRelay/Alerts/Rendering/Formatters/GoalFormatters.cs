using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>Creator goals (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#goals-event).</summary>
internal static class GoalFormatters
{
    // What the amounts count, per goal type. Subscription "points" weigh tiers (1, 2, 6); counts do not.
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["follow"] = "followers",
        ["subscription"] = "subscription points",
        ["subscription_count"] = "subscriptions",
        ["new_subscription"] = "new subscription points",
        ["new_subscription_count"] = "new subscriptions",
        ["new_bit"] = "Bits",
        ["new_cheerer"] = "new cheerers",
    };

    public static AlertView Goal(ChannelGoalEvent e, string heading)
    {
        var unit = Unit(e.Type);
        var name = string.IsNullOrWhiteSpace(e.Description) ? $"{Capitalize(unit)} goal" : e.Description;
        var progress = $"{Format.Number(e.CurrentAmount)} / {Format.Number(e.TargetAmount)} {DiscordText.Escape(unit)}";
        var percent = Format.Percent(e.CurrentAmount, e.TargetAmount);
        return new AlertView
        {
            Title = $"{heading}: {DiscordText.Escape(name)}",
            Summary = $"{heading}: {DiscordText.Escape(name)} ({progress})",
            Description = $"**{progress}** ({percent})",
        }
            .Field("Type", DiscordText.Escape(Capitalize(unit)))
            .Field("Progress", $"{progress} ({percent})")
            .Value("title", name)
            .Value("goal_type", unit)
            .Value("current", e.CurrentAmount)
            .Value("target", e.TargetAmount)
            .Value("percent", percent);
    }

    public static AlertView End(ChannelGoalEvent e)
    {
        var achieved = e.IsAchieved ?? e.CurrentAmount >= e.TargetAmount;
        var view = Goal(e, achieved ? "Goal achieved" : "Goal ended");
        view.Description += achieved ? "\n\nThe goal was reached. Thank you!" : "\n\nThe goal ended before its target.";
        return view.Field("Achieved", achieved ? "Yes" : "No").Value("achieved", achieved ? "yes" : "no");
    }

    private static string Unit(string? type) =>
        type is not null && Units.TryGetValue(type, out var unit) ? unit : type ?? "progress";

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
