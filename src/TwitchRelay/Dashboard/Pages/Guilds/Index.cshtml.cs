using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Cli.Config;
using TwitchRelay.Dashboard.Guilds;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Dashboard.Pages.Guilds;

public sealed class GuildModel(
    GuildOverview overview,
    GuildDirectory directory,
    AlertConfigStore store,
    LinkFlow flow,
    IDbContextFactory<RelayDbContext> contexts,
    IOptions<ServiceOptions> service,
    IOptions<TwitchOptions> twitch) : GuildPageModel
{
    public GuildState State { get; private set; } = new(null, null, null);

    public IReadOnlyList<ChannelChoice>? Channels { get; private set; }

    public IReadOnlyList<AlertRule> Rules { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Problem { get; private set; }

    public bool TwitchConfigured => twitch.Value.HasClientCredentials;

    public bool BotMissing { get; private set; }

    public async Task OnGetAsync([FromQuery] string? done, [FromQuery] int rolesLeft = 0)
    {
        Notice = done switch
        {
            "unlinked" => "Un-linked: the account, its rules, role settings and delivery history are gone from this "
                + "server, and the roles TwitchRelay gave were taken back.",
            "admin-channel" => "Admin channel saved.",
            "toggled" => "Saved.",
            _ => null,
        };
        if (done == "unlinked" && rolesLeft > 0)
        {
            Problem = $"Discord refused to take back {rolesLeft} role(s) TwitchRelay had given (the service's log "
                + "says why): remove them from those members in Discord.";
        }

        await LoadAsync();
    }

    public Task<IActionResult> OnPostLinkAsync() => StartLinkAsync(relink: false);

    public Task<IActionResult> OnPostRelinkAsync() => StartLinkAsync(relink: true);

    public async Task<IActionResult> OnPostAdminChannelAsync([FromForm] string? adminChannelId)
    {
        var value = string.IsNullOrEmpty(adminChannelId) ? null : adminChannelId;
        await LoadAsync();
        // Only a channel Discord lists for this guild: an id of another server's channel would send this server's
        // notices there.
        if (value is not null && (!Ids.IsSnowflake(value) || Channels is null || Channels.All(x => x.Id != value)))
        {
            Problem = Channels is null
                ? "Discord did not list this server's channels (is the bot in it?); try again once it is."
                : "Pick one of this server's text channels.";
            return Page();
        }

        await using var db = contexts.CreateDbContext();
        var link = await db.GuildLinks.FindAsync([GuildId], HttpContext.RequestAborted);
        if (link is null)
        {
            Problem = "Link a Twitch account first.";
            return Page();
        }

        link.AdminChannelId = value;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect($"/guilds/{GuildId}?done=admin-channel");
    }

    /// <summary>Switches one rule on or off, with the same checks as saving it from its page.</summary>
    public async Task<IActionResult> OnPostToggleAsync([FromForm] long ruleId, [FromForm] bool enabled)
    {
        var ct = HttpContext.RequestAborted;
        var alert = await store.ReadRuleAsync(GuildId, ruleId, ct);
        if (alert is null)
        {
            return NotFound();
        }

        alert = alert with { Enabled = enabled };
        var problems = await store.ValidateRuleAsync(GuildId, ruleId, alert, ct);
        if (problems.Count == 0 && enabled && alert.ChannelId is not null)
        {
            problems = await directory.ProblemsPostingAsync(GuildId, alert.ChannelId,
                [.. alert.MentionRoleIds?.OfType<string>() ?? []], ct);
        }

        if (problems.Count > 0)
        {
            await LoadAsync();
            Problem = $"{alert.Event} was not switched on: " + string.Join(" ", problems);
            return Page();
        }

        await store.SaveRuleAsync(GuildId, ruleId, alert, ct);
        return Redirect($"/guilds/{GuildId}?done=toggled#event-{alert.Event}");
    }

    public string Destination(AlertRule rule) =>
        rule.ChannelId is null ? "a webhook"
        : "#" + (Channels?.FirstOrDefault(x => x.Id == rule.ChannelId)?.Name ?? rule.ChannelId);

    public string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";

    private async Task<IActionResult> StartLinkAsync(bool relink)
    {
        if (!TwitchConfigured)
        {
            await LoadAsync();
            Problem = "Linking is not set up on this server: set Twitch:ClientId and Twitch:ClientSecret.";
            return Page();
        }

        State = await overview.ReadAsync(GuildId, HttpContext.RequestAborted);
        var url = await LinkEndpoints.BeginAsync(HttpContext, flow, service.Value, GuildId,
            relink || State.Account is not null);
        // 303: the browser follows with a GET to Twitch.
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task LoadAsync()
    {
        State = await overview.ReadAsync(GuildId, HttpContext.RequestAborted);
        BotMissing = !await directory.BotMayBeInAsync(GuildId, HttpContext.RequestAborted);
        Channels = await directory.TextChannelsAsync(GuildId, HttpContext.RequestAborted);
        await using var db = contexts.CreateDbContext();
        Rules = await db.AlertRules.AsNoTracking().Where(x => x.GuildId == GuildId)
            .OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(HttpContext.RequestAborted);
    }
}
