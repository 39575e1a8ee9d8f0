using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

internal static class MonetizationFormatters
{
    private const string Anonymous = "Anonymous";

    // Names of Twitch's built-in rewards as viewers see them in the channel points menu.
    // https://dev.twitch.tv/docs/eventsub/eventsub-reference/#automatic-reward-redemption-add-v2-event
    private static readonly Dictionary<string, string> AutomaticRewardTitles = new(StringComparer.Ordinal)
    {
        ["single_message_bypass_sub_mode"] = "Send a Message in Sub-Only Mode",
        ["send_highlighted_message"] = "Highlight My Message",
        ["random_sub_emote_unlock"] = "Unlock a Random Sub Emote",
        ["chosen_sub_emote_unlock"] = "Choose an Emote to Unlock",
        ["chosen_modified_sub_emote_unlock"] = "Modify a Single Emote",
    };

    public static AlertView Cheer(ChannelCheerEvent e, AlertEvent alert)
    {
        var raw = e.IsAnonymous ? Anonymous : Format.RawName(e.UserName, e.UserLogin, Anonymous);
        var user = DiscordText.Escape(raw);
        var bits = Format.Plural(e.Bits, "Bit", "Bits");
        var view = new AlertView
        {
            Title = "Cheer",
            Summary = $"{user} cheered {bits}!",
            Description = $"**{user}** cheered **{bits}**!",
        }
            .Field("Bits", Format.Number(e.Bits))
            .Value("user", raw)
            .Value("user_login", e.IsAnonymous ? null : e.UserLogin)
            .Value("bits", e.Bits)
            .Value("message", e.Message);
        return WithMessage(view, e.Message);
    }

    public static AlertView NewSubscription(ChannelSubscriptionEvent e, AlertEvent alert)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        var tier = Format.Tier(e.Tier, e.IsPrime);
        return new AlertView
        {
            Title = "New subscriber",
            Summary = $"{user} just subscribed with {tier}!",
            Description = $"**{user}** subscribed with **{tier}**!",
        }.Field("Tier", tier).Value("tier", tier).Value("user", Format.RawName(e.UserName, e.UserLogin))
            .Value("user_login", e.UserLogin);
    }

    public static AlertView EndedSubscription(ChannelSubscriptionEvent e, AlertEvent alert)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        var tier = Format.Tier(e.Tier, e.IsPrime);
        var gifted = e.IsGift ? " gifted" : string.Empty;
        return new AlertView
        {
            Title = "Subscription ended",
            Summary = $"{user}'s{gifted} {tier} subscription ended.",
            Description = $"**{user}**'s{gifted} **{tier}** subscription has ended.",
        }.Field("Tier", tier).Value("tier", tier).Value("user", Format.RawName(e.UserName, e.UserLogin))
            .Value("user_login", e.UserLogin);
    }

    // Anonymous gifts have no user and no cumulative total.
    // https://dev.twitch.tv/docs/eventsub/eventsub-reference/#channel-subscription-gift-event
    public static AlertView Gift(ChannelSubscriptionGiftEvent e, AlertEvent alert)
    {
        const string AnonymousGifter = "An anonymous gifter";
        var raw = e.IsAnonymous ? AnonymousGifter : Format.RawName(e.UserName, e.UserLogin, AnonymousGifter);
        var user = DiscordText.Escape(raw);
        var tier = Format.Tier(e.Tier);
        var subs = Format.Plural(e.Total, $"{tier} sub", $"{tier} subs");
        var view = new AlertView
        {
            Title = "Gifted subscriptions",
            Summary = $"{user} gifted {subs}!",
            Description = $"**{user}** gifted **{subs}** to the community!",
        }
            .Field("Gifted", Format.Number(e.Total))
            .Field("Tier", tier)
            .Value("user", raw)
            .Value("user_login", e.IsAnonymous ? null : e.UserLogin)
            .Value("tier", tier)
            .Value("total", e.Total)
            .Value("cumulative_total", e.CumulativeTotal is { } c ? Format.Number(c) : null);
        if (e.CumulativeTotal is { } cumulative)
        {
            view.Field("Gifted in this channel", Format.Number(cumulative));
        }

        return view;
    }

    public static AlertView Resub(ChannelSubscriptionMessageEvent e, AlertEvent alert)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        var tier = Format.Tier(e.Tier, e.IsPrime);
        var months = Format.Plural(e.CumulativeMonths, "month", "months");
        var view = new AlertView
        {
            Title = "Resubscription",
            Summary = $"{user} resubscribed for {months}!",
            Description = $"**{user}** resubscribed with **{tier}** for **{months}**!",
        }
            .Field("Tier", tier)
            .Field("Months", Format.Number(e.CumulativeMonths))
            .Value("user", Format.RawName(e.UserName, e.UserLogin))
            .Value("user_login", e.UserLogin)
            .Value("tier", tier)
            .Value("months", e.CumulativeMonths)
            .Value("streak", e.StreakMonths is { } s ? Format.Number(s) : null)
            .Value("duration_months", e.DurationMonths)
            .Value("message", e.Message?.Text);
        if (e.StreakMonths is { } streak)
        {
            view.Field("Streak", Format.Plural(streak, "month", "months"));
        }

        if (e.DurationMonths > 1)
        {
            view.Field("Paid in advance", Format.Plural(e.DurationMonths, "month", "months"));
        }

        return WithMessage(view, e.Message?.Text);
    }

    public static AlertView Redemption(AlertEvent alert)
    {
        var (user, login, reward, cost, input) = alert.Payload switch
        {
            CustomRewardRedemptionEvent c => (c.UserName, c.UserLogin, c.Reward?.Title, c.Reward?.Cost ?? 0,
                c.UserInput),
            AutomaticRewardRedemptionEvent a => (a.UserName, a.UserLogin, AutomaticTitle(a.Reward?.Type),
                a.Reward?.ChannelPoints ?? 0, a.Message?.Text),
            _ => throw new ArgumentException(
                $"Event key 'redemption' needs a reward redemption payload, not {alert.Payload.GetType().Name}.",
                nameof(alert)),
        };

        var name = Format.Name(user, login);
        var title = string.IsNullOrWhiteSpace(reward) ? "a reward" : reward;
        var points = Format.Plural(cost, "channel point", "channel points");
        var view = new AlertView
        {
            Title = "Reward redeemed",
            Summary = $"{name} redeemed {DiscordText.Escape(title)}!",
            Description = $"**{name}** redeemed **{DiscordText.Escape(title)}** for **{points}**.",
        }
            .Field("Reward", DiscordText.Escape(title))
            .Field("Cost", points)
            .Value("user", Format.RawName(user, login))
            .Value("user_login", login)
            .Value("reward", title)
            .Value("cost", cost)
            .Value("input", input);
        if (!string.IsNullOrWhiteSpace(input))
        {
            view.Field("Input", DiscordText.Escape(input), inline: false);
        }

        return view;
    }

    private static string AutomaticTitle(string? type) =>
        type is not null && AutomaticRewardTitles.TryGetValue(type, out var title) ? title : type ?? string.Empty;

    private static AlertView WithMessage(AlertView view, string? message) =>
        string.IsNullOrWhiteSpace(message) ? view : view.Field("Message", DiscordText.Escape(message), inline: false);
}
