using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

internal static class CommunityFormatters
{
    public static AlertView Follow(ChannelFollowEvent e, AlertEvent alert)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        return new AlertView
        {
            Title = "New follower",
            Summary = $"{user} just followed {DiscordText.Escape(alert.BroadcasterName)}!",
            Description = $"**{user}** is now following the channel.",
        }.Value("user", Format.RawName(e.UserName, e.UserLogin)).Value("user_login", e.UserLogin);
    }

    public static AlertView Raid(ChannelRaidEvent e, AlertEvent alert)
    {
        var raider = Format.Name(e.FromBroadcasterUserName, e.FromBroadcasterUserLogin);
        var viewers = Format.Plural(e.Viewers, "viewer", "viewers");
        var view = new AlertView
        {
            Title = "Incoming raid",
            Summary = $"{raider} is raiding with {viewers}!",
            Description = $"**{raider}** raided {DiscordText.Escape(alert.BroadcasterName)} with **{viewers}**.",
        }
            .Field("Viewers", Format.Number(e.Viewers))
            .Value("user", Format.RawName(e.FromBroadcasterUserName, e.FromBroadcasterUserLogin))
            .Value("user_login", e.FromBroadcasterUserLogin)
            .Value("viewers", e.Viewers);
        if (!string.IsNullOrEmpty(e.FromBroadcasterUserLogin))
        {
            var label = Format.RawName(e.FromBroadcasterUserName, e.FromBroadcasterUserLogin);
            var url = Format.ChannelUrl(e.FromBroadcasterUserLogin);
            view.Button = new DiscordLinkButton(2, 5, Label($"Visit {label}"), url);
        }

        return view;
    }

    /// <summary>Moderator or VIP added or removed.</summary>
    public static AlertView Role(UserChannelEvent e, string role, bool added)
    {
        var user = Format.Name(e.UserName, e.UserLogin);
        var what = added ? $"is now {role}" : $"is no longer {role}";
        var title = (added ? "New " : "Removed ") + role[(role.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return new AlertView
        {
            Title = title,
            Summary = $"{user} {what}.",
            Description = $"**{user}** {what} in this channel.",
        }.Value("user", Format.RawName(e.UserName, e.UserLogin)).Value("user_login", e.UserLogin);
    }

    // Button labels are plain text (no markdown) and limited to 80 characters.
    // https://discord.com/developers/docs/components/reference#button
    public static string Label(string text) => DiscordText.Truncate(text, 80);
}
