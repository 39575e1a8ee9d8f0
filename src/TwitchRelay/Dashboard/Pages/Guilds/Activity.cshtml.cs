using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using TwitchRelay.Dashboard.Guilds;
using TwitchRelay.Dashboard.Rules;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Pages.Guilds;

public sealed class ActivityModel(GuildActivity activity, GuildDirectory directory, TestAlerts tests) : GuildPageModel
{
    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    public IReadOnlyList<(string Type, int Count)> EventsToday { get; private set; } = [];

    public IReadOnlyList<ChannelChoice>? Channels { get; private set; }

    public bool Resent { get; private set; }

    public async Task OnGetAsync([FromQuery] string? done)
    {
        Resent = done == "resent";
        var ct = HttpContext.RequestAborted;
        Deliveries = await activity.LatestDeliveriesAsync(GuildId, ct);
        EventsToday = await activity.EventsTodayAsync(GuildId, ct);
        Channels = await directory.TextChannelsAsync(GuildId, ct);
    }

    public async Task<IActionResult> OnPostResendAsync([FromForm] long deliveryId)
    {
        var resent = await tests.ResendAsync(GuildId, deliveryId, HttpContext.RequestAborted);
        return resent ? Redirect($"/guilds/{GuildId}/activity?done=resent") : NotFound();
    }

    public string Destination(DeliveryRow row) =>
        row.ChannelId is null ? "webhook"
        : "#" + (Channels?.FirstOrDefault(x => x.Id == row.ChannelId)?.Name ?? row.ChannelId);

    public static string Status(DeliveryRow row) => row.Status switch
    {
        DeliveryStatus.Delivered => "Delivered",
        DeliveryStatus.Pending when row.Attempts == 0 => "Sending",
        DeliveryStatus.Pending => $"Waiting to retry (attempt {row.Attempts + 1} at {Time(row.NextAttemptAt)}): "
            + row.LastError,
        DeliveryStatus.Failed => "Failed: " + row.LastError,
        DeliveryStatus.Superseded => "Replaced by a newer state",
        _ => row.Status.ToString(),
    };

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
