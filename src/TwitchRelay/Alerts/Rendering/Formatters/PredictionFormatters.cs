using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>Predictions (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-prediction-end-event).
/// </summary>
internal static class PredictionFormatters
{
    public static AlertView Begin(ChannelPredictionEvent e, AlertEvent alert)
    {
        var title = DiscordText.Escape(e.Title);
        var outcomes = e.Outcomes ?? [];
        var lines = outcomes.Select(o => $"• {DiscordText.Escape(o.Title)}").ToList();
        if (e.LocksAt is { } locks)
        {
            lines.Add(string.Empty);
            lines.Add($"Predictions lock {Format.RelativeTime(locks)}.");
        }

        return new AlertView
        {
            Title = $"Prediction: {title}",
            Summary = $"New prediction: {title}",
            Description = string.Join('\n', lines),
        }.Value("title", e.Title).Value("outcomes", string.Join(", ", outcomes.Select(o => o.Title)));
    }

    public static AlertView Progress(ChannelPredictionEvent e, AlertEvent alert) =>
        Standing(e, "Prediction", winnerId: null);

    public static AlertView Locked(ChannelPredictionEvent e, AlertEvent alert)
    {
        var view = Standing(e, "Prediction locked", winnerId: null);
        view.Description += "\n\nPredictions are locked; waiting for the result.";
        return view;
    }

    public static AlertView End(ChannelPredictionEvent e, AlertEvent alert)
    {
        var status = e.Status ?? "resolved";

        // A canceled prediction has no winner and Twitch refunds every point.
        if (status == "canceled" || string.IsNullOrEmpty(e.WinningOutcomeId))
        {
            var canceled = Standing(e, "Prediction canceled", winnerId: null);
            canceled.Description += "\n\nNo winner: the prediction was canceled and all points were refunded.";
            return canceled.Field("Status", "Canceled").Value("winner", string.Empty).Value("status", status);
        }

        var view = Standing(e, "Prediction ended", e.WinningOutcomeId);
        var winner = (e.Outcomes ?? []).FirstOrDefault(o => o.Id == e.WinningOutcomeId);
        view.Field("Winner", DiscordText.Escape(winner?.Title))
            .Value("winner", winner?.Title)
            .Value("status", status);
        var winners = (winner?.TopPredictors ?? [])
            .Where(p => p.ChannelPointsWon > 0)
            .Select(p => $"{Format.Name(p.UserName, p.UserLogin)} won {Format.Number(p.ChannelPointsWon ?? 0)}")
            .ToList();
        if (winners.Count > 0)
        {
            view.Field("Top winners", string.Join('\n', winners), inline: false);
        }

        return view;
    }

    private static AlertView Standing(ChannelPredictionEvent e, string heading, string? winnerId)
    {
        var title = DiscordText.Escape(e.Title);
        var outcomes = e.Outcomes ?? [];
        var points = outcomes.Sum(o => o.ChannelPoints);
        var users = outcomes.Sum(o => (long)o.Users);
        var lines = outcomes.Select(o =>
        {
            var mark = winnerId is not null && o.Id == winnerId ? "🏆 " : string.Empty;
            var people = Format.Plural(o.Users, "user", "users");
            var share = Format.Percent(o.ChannelPoints, points);
            return $"{mark}**{DiscordText.Escape(o.Title)}**: {people}, "
                + $"{Format.Number(o.ChannelPoints)} points ({share})";
        });

        return new AlertView
        {
            Title = $"{heading}: {title}",
            Summary = $"{heading}: {title}",
            Description = string.Join('\n', lines),
        }
            .Field("Points", Format.Number(points))
            .Field("Predictors", Format.Number(users))
            .Value("title", e.Title)
            .Value("outcomes", string.Join(", ", outcomes.Select(o => $"{o.Title} ({Format.Number(o.ChannelPoints)})")))
            .Value("total_points", points)
            .Value("total_users", users);
    }
}
