using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Cli.Config;
using TwitchRelay.Dashboard.Guilds;
using TwitchRelay.Roles.Subscribers;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch;

namespace TwitchRelay.Dashboard.Pages.Guilds;

/// <summary>"Stream &amp; roles": what the rules file's guild settings hold besides alerts (live role, the
/// streamer's member, followed channels, subscriber roles), and the members' Twitch connections, with Remove.
/// Every save runs the checks of <c>config import</c> and names a role the bot could not give.</summary>
public sealed class RolesModel(
    GuildOverview overview,
    GuildRoles roles,
    GuildRoleSettingsStore settings,
    ConnectedMembers members,
    MemberDisconnector disconnector,
    IDbContextFactory<RelayDbContext> contexts,
    IOptions<TwitchOptions> twitch) : GuildPageModel
{
    public const string LiveRoleSection = "live-role";
    public const string FollowSection = "follows";
    public const string SubscriberSection = "subscriber-roles";

    public GuildState State { get; private set; } = new(null, null, null);

    public IReadOnlyList<RoleChoice>? RoleChoices { get; private set; }

    public IReadOnlyList<FollowedChannel> Follows { get; private set; } = [];

    public IReadOnlyList<ConnectedMember> Members { get; private set; } = [];

    public SubscriberRolesForm SubscriberRoles { get; private set; } = new();

    public string? LiveRoleId { get; private set; }

    public string? StreamerDiscordUserId { get; private set; }

    /// <summary>The login and member id of a refused follow, shown again in its form.</summary>
    public FollowConfig NewFollow { get; private set; } = new();

    public string? Notice { get; private set; }

    /// <summary>Problems of the form that was posted, keyed by its section.</summary>
    public Dictionary<string, IReadOnlyList<string>> Problems { get; } = [];

    public bool TwitchConfigured => twitch.Value.HasClientCredentials;

    public async Task OnGetAsync([FromQuery] string? done, [FromQuery] int rolesTaken = 0)
    {
        Notice = done switch
        {
            "live-role" => "Live role saved.",
            "followed" => "Channel followed. Its go-live subscriptions at Twitch follow within seconds.",
            "unfollowed" => "Channel no longer followed.",
            "subscriber-roles" => "Subscriber roles saved.",
            "member-removed" => $"Connection removed; {rolesTaken} subscriber role(s) taken back.",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostLiveRoleAsync(
        [FromForm] string? liveRoleId,
        [FromForm] string? streamerDiscordUserId)
    {
        var ct = HttpContext.RequestAborted;
        var role = Blank(liveRoleId);
        var streamer = Blank(streamerDiscordUserId);
        var problems = await settings.ValidateLiveRoleAsync(GuildId, role, streamer, ct);
        if (problems.Count == 0)
        {
            problems = await roles.ProblemsGivingAsync(GuildId, [role], ct);
        }

        if (problems.Count > 0)
        {
            await LoadAsync();
            (LiveRoleId, StreamerDiscordUserId) = (role, streamer);
            Problems[LiveRoleSection] = problems;
            return Page();
        }

        await settings.SaveLiveRoleAsync(GuildId, role, streamer, ct);
        return Redirect($"/guilds/{GuildId}/roles?done=live-role#{LiveRoleSection}");
    }

    public async Task<IActionResult> OnPostFollowAsync([FromForm] string? login, [FromForm] string? discordUserId)
    {
        var ct = HttpContext.RequestAborted;
        var follow = new FollowConfig { Login = Blank(login) ?? "", DiscordUserId = Blank(discordUserId) };
        var (user, problems) = await settings.ValidateFollowAsync(GuildId, follow, ct);
        if (user is null)
        {
            await LoadAsync();
            NewFollow = follow;
            Problems[FollowSection] = problems;
            return Page();
        }

        await settings.AddFollowAsync(GuildId, user, follow.DiscordUserId, ct);
        return Redirect($"/guilds/{GuildId}/roles?done=followed#{FollowSection}");
    }

    public async Task<IActionResult> OnPostUnfollowAsync([FromForm] long followId)
    {
        var removed = await settings.RemoveFollowAsync(GuildId, followId, HttpContext.RequestAborted);
        return removed ? Redirect($"/guilds/{GuildId}/roles?done=unfollowed#{FollowSection}") : NotFound();
    }

    public async Task<IActionResult> OnPostSubscriberRolesAsync([FromForm] SubscriberRolesForm form)
    {
        var ct = HttpContext.RequestAborted;
        var config = form.ToConfig();
        var problems = await settings.ValidateSubscriberRolesAsync(GuildId, config, ct);
        if (problems.Count == 0 && config is not null)
        {
            problems = await roles.ProblemsGivingAsync(
                GuildId,
                [config.RoleId, config.Tier1000, config.Tier2000, config.Tier3000, config.GiftRoleId],
                ct);
        }

        if (problems.Count > 0)
        {
            await LoadAsync();
            SubscriberRoles = form;
            Problems[SubscriberSection] = problems;
            return Page();
        }

        await settings.SaveSubscriberRolesAsync(GuildId, config, ct);
        return Redirect($"/guilds/{GuildId}/roles?done=subscriber-roles#{SubscriberSection}");
    }

    /// <summary>The same as the member's own <c>/twitch disconnect</c>, only for a connection that touches nothing
    /// outside this guild (<see cref="ConnectedMembers.IsRemovableHereAsync"/>).</summary>
    public async Task<IActionResult> OnPostRemoveMemberAsync([FromForm] string? memberId)
    {
        var ct = HttpContext.RequestAborted;
        if (memberId is null || !await members.IsRemovableHereAsync(GuildId, memberId, ct))
        {
            return NotFound();
        }

        var removed = await disconnector.DisconnectAsync(memberId, "Twitch connection removed by a server admin", ct);
        return removed is null
            ? NotFound()
            : Redirect($"/guilds/{GuildId}/roles?done=member-removed&rolesTaken={removed.RolesTaken}#members");
    }

    /// <summary>Never null: a partial given a null model would be handed the page's own model instead.</summary>
    public IReadOnlyList<string> ProblemsOf(string section) => Problems.GetValueOrDefault(section) ?? [];

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        State = await overview.ReadAsync(GuildId, ct);
        RoleChoices = await roles.ChoicesAsync(GuildId, ct);
        Members = await members.ListAsync(GuildId, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        Follows = await db.FollowedChannels.AsNoTracking().Where(x => x.GuildId == GuildId)
            .OrderBy(x => x.Position).ThenBy(x => x.Id).ToListAsync(ct);
        if (State.Link is { } link)
        {
            LiveRoleId = link.LiveRoleId;
            StreamerDiscordUserId = link.StreamerDiscordUserId;
            SubscriberRoles = SubscriberRolesForm.From(link);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
