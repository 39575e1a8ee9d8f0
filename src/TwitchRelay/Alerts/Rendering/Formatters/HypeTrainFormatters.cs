using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

/// <summary>Hype Train v2 (https://dev.twitch.tv/docs/eventsub/eventsub-reference/#hype-train-events).</summary>
internal static class HypeTrainFormatters
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["regular"] = "Hype Train",
        ["golden_kappa"] = "Golden Kappa Train",
        ["treasure"] = "Treasure Train",
    };

    public static AlertView Running(ChannelHypeTrainEvent e, bool begin)
    {
        var name = Name(e.Type);
        var progress = e.Progress ?? 0;
        var goal = e.Goal ?? 0;
        var heading = begin ? $"{name} started!" : $"{name}: level {e.Level}";
        var view = new AlertView
        {
            Title = heading,
            Summary = begin ? $"A {name} has started at level {e.Level}!" : $"The {name} is at level {e.Level}!",
            Description = $"Level **{e.Level}**: {Format.Number(progress)} / {Format.Number(goal)} toward the next "
                + $"level ({Format.Percent(progress, goal)}).",
        }
            .Field("Level", Format.Number(e.Level))
            .Field("Total", Format.Number(e.Total))
            .Value("progress", progress)
            .Value("goal", goal);
        if (e.ExpiresAt is { } expires)
        {
            view.Field("Ends", Format.RelativeTime(expires));
        }

        return Common(view, e);
    }

    public static AlertView End(ChannelHypeTrainEvent e)
    {
        var name = Name(e.Type);
        var view = new AlertView
        {
            Title = $"{name} ended at level {e.Level}",
            Summary = $"The {name} ended at level {e.Level}!",
            Description = $"The {name} reached level **{e.Level}** with a total of **{Format.Number(e.Total)}**.",
        }
            .Field("Level", Format.Number(e.Level))
            .Field("Total", Format.Number(e.Total));
        if (e.CooldownEndsAt is { } cooldown)
        {
            view.Field("Next train possible", Format.RelativeTime(cooldown));
        }

        return Common(view, e);
    }

    private static AlertView Common(AlertView view, ChannelHypeTrainEvent e)
    {
        var contributions = e.TopContributions ?? [];
        var lines = contributions.Select(c =>
            $"{Format.Name(c.UserName, c.UserLogin)}: {Format.Number(c.Total)} ({DiscordText.Escape(c.Type)})");
        if (contributions.Count > 0)
        {
            view.Field("Top contributors", string.Join('\n', lines), inline: false);
        }

        var top = contributions.OrderByDescending(c => c.Total).FirstOrDefault();
        var participants = (e.SharedTrainParticipants ?? [])
            .Select(p => Format.RawName(p.BroadcasterUserName, p.BroadcasterUserLogin))
            .ToList();
        if (e.IsSharedTrain)
        {
            // A shared train runs across channels in a shared-chat session; the level counts all of them.
            view.Description += $"\n\nShared train with {participants.Count} channels.";
            view.Field("Shared with", participants.Count == 0 ? "Other channels" :
                string.Join(", ", participants.Select(DiscordText.Escape)), inline: false);
        }

        return view
            .Value("level", e.Level)
            .Value("total", e.Total)
            .Value("top_contributor", top is null ? null : Format.RawName(top.UserName, top.UserLogin))
            .Value("shared", e.IsSharedTrain ? string.Join(", ", participants) : string.Empty);
    }

    private static string Name(string? type) =>
        type is not null && Names.TryGetValue(type, out var name) ? name : "Hype Train";
}
