using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

internal static class ModerationFormatters
{
    private const string NoReason = "No reason given";

    /// <summary>The facts of a ban, timeout, unban or timeout removal, whichever EventSub type reported it.</summary>
    private sealed record Facts(
        string? UserName,
        string? UserLogin,
        string? ModeratorName,
        string? ModeratorLogin,
        string? Reason,
        DateTimeOffset? EndsAt,
        DateTimeOffset Start);

    public static AlertView Moderation(AlertEvent alert)
    {
        var facts = alert.Payload switch
        {
            ChannelModerateEvent m => FromModerate(m, alert),
            ChannelBanEvent b => new Facts(b.UserName, b.UserLogin, b.ModeratorUserName, b.ModeratorUserLogin,
                b.Reason, b.EndsAt, b.BannedAt ?? alert.OccurredAt),
            ChannelUnbanEvent u => new Facts(u.UserName, u.UserLogin, u.ModeratorUserName, u.ModeratorUserLogin,
                null, null, alert.OccurredAt),
            _ => throw new ArgumentException(
                $"Event key '{alert.EventKey}' needs a moderation payload, not {alert.Payload.GetType().Name}.",
                nameof(alert)),
        };

        var user = Format.Name(facts.UserName, facts.UserLogin);
        var moderator = Format.Name(facts.ModeratorName, facts.ModeratorLogin, "A moderator");
        var view = alert.EventKey switch
        {
            EventKeys.Ban => Ban(user, facts),
            EventKeys.Timeout => Timeout(user, facts),
            EventKeys.Unban => new AlertView
            {
                Title = "User unbanned",
                Summary = $"{user} was unbanned.",
                Description = $"**{user}** was unbanned.",
            },
            _ => new AlertView
            {
                Title = "Timeout removed",
                Summary = $"{user}'s timeout was removed.",
                Description = $"**{user}**'s timeout was removed early.",
            },
        };

        return view.Field("Moderator", moderator)
            .Value("user", Format.RawName(facts.UserName, facts.UserLogin))
            .Value("user_login", facts.UserLogin)
            .Value("moderator", Format.RawName(facts.ModeratorName, facts.ModeratorLogin, "A moderator"));
    }

    private static AlertView Ban(string user, Facts facts) =>
        new AlertView
        {
            Title = "User banned",
            Summary = $"{user} was banned.",
            Description = $"**{user}** was banned permanently.",
        }
            .Field("Duration", "Permanent")
            .Field("Reason", Reason(facts.Reason), inline: false)
            .Value("reason", facts.Reason);

    // No event marks a timeout's end, so its length is computed from the expiry and the time it was given
    // (https://github.com/twitchdev/issues/issues/1123).
    private static AlertView Timeout(string user, Facts facts)
    {
        // An expiry at or before the event's time (a replayed or very late notification) says nothing of the length.
        var duration = facts.EndsAt is { } ends && ends > facts.Start
            ? Format.Duration(ends - facts.Start)
            : "unknown length";
        var view = new AlertView
        {
            Title = "User timed out",
            Summary = $"{user} was timed out for {duration}.",
            Description = $"**{user}** was timed out for **{duration}**.",
        }
            .Field("Duration", duration)
            .Field("Reason", Reason(facts.Reason), inline: false)
            .Value("reason", facts.Reason)
            .Value("duration", duration);
        if (facts.EndsAt is { } end)
        {
            view.Field("Ends", Format.RelativeTime(end));
        }

        return view;
    }

    private static Facts FromModerate(ChannelModerateEvent e, AlertEvent alert)
    {
        var target = alert.EventKey switch
        {
            EventKeys.Ban => e.Ban,
            EventKeys.Timeout => e.Timeout,
            EventKeys.Unban => e.Unban,
            _ => e.Untimeout,
        } ?? new ModerationTarget();
        return new Facts(target.UserName, target.UserLogin, e.ModeratorUserName, e.ModeratorUserLogin,
            target.Reason, target.ExpiresAt, alert.OccurredAt);
    }

    public static AlertView WarningSent(ChannelWarningSendEvent e, AlertEvent alert)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        var moderator = Format.Name(e.ModeratorUserName, e.ModeratorUserLogin, "A moderator");
        var rules = (e.ChatRulesCited ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).ToList();
        var view = new AlertView
        {
            Title = "Warning sent",
            Summary = $"{user} was warned.",
            Description = $"**{user}** was warned by **{moderator}**.",
        }
            .Field("Moderator", moderator)
            .Field("Reason", Reason(e.Reason), inline: false)
            .Value("user", Format.RawName(e.UserName, e.UserLogin))
            .Value("user_login", e.UserLogin)
            .Value("moderator", Format.RawName(e.ModeratorUserName, e.ModeratorUserLogin, "A moderator"))
            .Value("reason", e.Reason)
            .Value("rules", string.Join("; ", rules));
        if (rules.Count > 0)
        {
            view.Field("Rules cited", string.Join('\n', rules.Select(r => "• " + DiscordText.Escape(r))), false);
        }

        return view;
    }

    public static AlertView WarningAcknowledged(ChannelWarningAcknowledgeEvent e, AlertEvent alert)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        return new AlertView
        {
            Title = "Warning acknowledged",
            Summary = $"{user} acknowledged their warning.",
            Description = $"**{user}** acknowledged their warning and can chat again.",
        }.Value("user", Format.RawName(e.UserName, e.UserLogin)).Value("user_login", e.UserLogin);
    }

    private static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? NoReason : DiscordText.Escape(reason);
}
