using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Alerts;

internal static class StreamFormatters
{
    public static AlertView Online(StreamOnlineEvent e, AlertEvent alert)
    {
        var name = DiscordText.Escape(alert.BroadcasterName);
        var url = Format.ChannelUrl(alert.BroadcasterLogin);
        var type = string.IsNullOrEmpty(e.Type) ? "live" : e.Type;
        var kind = type == "live" ? "is live" : $"is live ({DiscordText.Escape(type)})";
        return new AlertView
        {
            Title = $"{name} {kind}!",
            Summary = $"{name} {kind}! {url}",
            Description = $"Come hang out: {url}",
            Button = new DiscordLinkButton(2, 5, "Watch stream", url),
        }
            .Value("stream_type", type)
            // stream.online carries neither; the go-live post (StreamPostRenderer) fills them from Helix.
            .Value("title", "")
            .Value("category", "");
    }

    public static AlertView Offline(StreamOfflineEvent e, AlertEvent alert)
    {
        var name = DiscordText.Escape(alert.BroadcasterName);
        return new AlertView
        {
            Title = $"{name} went offline",
            Summary = $"{name} went offline. Thanks for watching!",
            Description = "Thanks for watching!",
        };
    }

    public static AlertView Update(ChannelUpdateEvent e, AlertEvent alert)
    {
        var name = DiscordText.Escape(alert.BroadcasterName);
        var labels = (e.ContentClassificationLabels ?? []).Where(l => !string.IsNullOrEmpty(l)).ToList();
        var view = new AlertView
        {
            Title = "Channel updated",
            Summary = $"{name} updated the channel: {DiscordText.Escape(e.Title)}",
            Description = $"**{DiscordText.Escape(e.Title)}**",
        }
            .Field("Category", string.IsNullOrEmpty(e.CategoryName) ? "None" : DiscordText.Escape(e.CategoryName))
            .Field("Language", string.IsNullOrEmpty(e.Language) ? "Unknown" : DiscordText.Escape(e.Language))
            .Value("title", e.Title)
            .Value("category", e.CategoryName)
            .Value("language", e.Language);
        if (labels.Count > 0)
        {
            view.Field("Content labels", string.Join(", ", labels.Select(DiscordText.Escape)), inline: false);
        }

        return view;
    }
}
