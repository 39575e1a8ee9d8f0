using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>Polls (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-poll-end-event).</summary>
internal static class PollFormatters
{
    private static readonly Dictionary<string, string> EndStatus = new(StringComparer.Ordinal)
    {
        ["completed"] = "Poll ended",
        ["terminated"] = "Poll ended early",
        ["archived"] = "Poll archived",
    };

    public static AlertView Begin(ChannelPollEvent e, AlertEvent alert)
    {
        var title = DiscordText.Escape(e.Title);
        var choices = e.Choices ?? [];
        var lines = choices.Select((c, i) => $"{i + 1}\\. {DiscordText.Escape(c.Title)}").ToList();
        if (e.EndsAt is { } ends)
        {
            lines.Add(string.Empty);
            lines.Add($"Voting ends {Format.RelativeTime(ends)}.");
        }

        var view = new AlertView
        {
            Title = $"Poll: {title}",
            Summary = $"New poll: {title}",
            Description = string.Join('\n', lines),
        }
            .Value("title", e.Title)
            .Value("choices", string.Join(", ", choices.Select(c => c.Title)));
        AddVoting(view, e);
        return view;
    }

    public static AlertView Votes(ChannelPollEvent e, AlertEvent alert, bool ended)
    {
        var title = DiscordText.Escape(e.Title);
        var choices = e.Choices ?? [];
        long total = choices.Sum(c => (long)c.Votes);
        var top = choices.Count == 0 ? 0 : choices.Max(c => c.Votes);
        var leaders = top > 0 ? choices.Where(c => c.Votes == top).ToList() : [];
        var lines = choices.Select(c =>
        {
            var mark = ended && leaders.Contains(c) ? "🏆 " : string.Empty;
            var votes = Format.Plural(c.Votes, "vote", "votes");
            return $"{mark}**{DiscordText.Escape(c.Title)}**: {votes} ({Format.Percent(c.Votes, total)})";
        });

        var status = e.Status ?? "completed";
        var heading = ended ? EndStatus.GetValueOrDefault(status, $"Poll ended ({status})") : "Poll";
        var leaderNames = string.Join(" / ", leaders.Select(c => c.Title));
        var view = new AlertView
        {
            Title = $"{heading}: {title}",
            Summary = ended && leaders.Count > 0
                ? $"{heading}: {title}. Winner: {DiscordText.Escape(leaderNames)}"
                : $"{heading}: {title}",
            Description = string.Join('\n', lines),
        }
            .Field("Total votes", Format.Number(total))
            .Value("title", e.Title)
            .Value("choices", string.Join(", ", choices.Select(c => $"{c.Title} ({c.Votes})")))
            .Value("total_votes", total);
        if (ended)
        {
            view.Field(leaders.Count > 1 ? "Tied" : "Winner", leaders.Count == 0 ? "No votes" :
                DiscordText.Escape(leaderNames));
            view.Field("Status", DiscordText.Escape(status));
            view.Value("winner", leaderNames).Value("status", status);
        }
        else
        {
            view.Value("leader", leaderNames);
        }

        AddVoting(view, e);
        return view;
    }

    private static void AddVoting(AlertView view, ChannelPollEvent e)
    {
        if (e.ChannelPointsVoting is { IsEnabled: true } points)
        {
            view.Field("Extra votes", $"{Format.Plural(points.AmountPerVote, "channel point", "channel points")} each");
        }

        if (e.BitsVoting is { IsEnabled: true } bits)
        {
            view.Field("Bits votes", $"{Format.Plural(bits.AmountPerVote, "Bit", "Bits")} each");
        }
    }
}
