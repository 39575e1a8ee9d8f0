using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Cli.Config;
using TwitchRelay.Dashboard.Guilds;
using TwitchRelay.Dashboard.Rules;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Pages.Guilds;

/// <summary>One event key of one guild: its rules (usually one), each with destination, roles, template, a preview
/// from the real renderer, "Send test alert" and delete; and a form for a new rule.</summary>
public sealed class EventModel(
    AlertConfigStore store,
    GuildDirectory directory,
    GuildOverview overview,
    TestAlerts tests,
    IDbContextFactory<RelayDbContext> contexts) : GuildPageModel
{
    public EventDefinition Definition { get; private set; } = null!;

    public GuildState State { get; private set; } = new(null, null, null);

    public List<RuleForm> Forms { get; } = [];

    public IReadOnlyList<ChannelChoice>? Channels { get; private set; }

    public IReadOnlyList<DiscordRole>? Roles { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>Problems of the form that was posted, keyed by its rule id (0 for the new rule).</summary>
    public Dictionary<long, IReadOnlyList<string>> Problems { get; } = [];

    /// <summary>The rules file's <c>offlineAction</c> values, in words (README, "Stream posts").</summary>
    public static IReadOnlyList<(string Action, string Text)> OfflineActionChoices { get; } =
    [
        (StreamOfflineActions.Edit, "is edited to say how long the stream lasted, with the VOD link"),
        (StreamOfflineActions.Delete, "is deleted"),
        (StreamOfflineActions.Message, "stays, and a separate \"went offline\" message is posted"),
        (StreamOfflineActions.None, "stays as it is"),
    ];

    public bool Blocked => Definition.RequiresAffiliate && !State.IsMonetized;

    public async Task<IActionResult> OnGetAsync(string key, [FromQuery] string? done)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        Notice = done switch
        {
            "saved" => "Saved. Subscriptions at Twitch follow within seconds.",
            "deleted" => "Rule deleted.",
            "test" => "Test alert queued: it goes out through the same pipeline as real alerts; see Activity.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string key, [FromForm] RuleForm form)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        var stored = form.RuleId is { } id ? await store.ReadRuleAsync(GuildId, id, ct) : null;
        if (form.RuleId is not null && (stored is null || stored.Event != key))
        {
            // Another guild's rule id, or a rule of another event: nothing of it is revealed or changed.
            return NotFound();
        }

        var alert = form.ToConfig(key, stored?.WebhookUrl);
        var problems = await store.ValidateRuleAsync(GuildId, form.RuleId, alert, ct);
        if (problems.Count == 0 && alert.ChannelId is not null)
        {
            problems = alert.Enabled != false
                ? await directory.ProblemsPostingAsync(GuildId, alert.ChannelId, form.RoleIds(), ct)
                : await directory.ProblemsWithChannelAsync(GuildId, alert.ChannelId, ct);
        }
        else if (problems.Count == 0 && alert.WebhookUrl is not null && alert.Enabled != false)
        {
            problems = await directory.ProblemsWithWebhookAsync(alert.WebhookUrl, ct);
        }

        if (problems.Count > 0)
        {
            ShowPosted(form, problems);
            return Page();
        }

        await store.SaveRuleAsync(GuildId, form.RuleId, alert, ct);
        return Redirect($"/guilds/{GuildId}/events/{key}?done=saved");
    }

    /// <summary>Without JavaScript, "Preview" re-renders the page with the posted values; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string key, [FromForm] RuleForm form)
    {
        if (!await LoadAsync(key))
        {
            return NotFound();
        }

        var problems = form.Template is { Length: > 0 } template
            ? TemplateValidator.Validate(key, template)
            : [];
        ShowPosted(form, problems);
        return Page();
    }

    /// <summary>The live preview's fragment (dashboard.js posts the form as the admin types).</summary>
    public async Task<IActionResult> OnPostPreviewFragmentAsync(string key, [FromForm] RuleForm form)
    {
        if (EventCatalog.Find(key) is null)
        {
            return NotFound();
        }

        Roles = await directory.RolesAsync(GuildId, HttpContext.RequestAborted);
        return Partial("_DiscordPreview", new MessagePreview(form.Preview(key), Roles));
    }

    public async Task<IActionResult> OnPostTestAsync(string key, [FromForm] long ruleId)
    {
        var queued = await tests.QueueAsync(GuildId, ruleId, HttpContext.RequestAborted);
        return queued is null ? NotFound() : Redirect($"/guilds/{GuildId}/events/{key}?done=test");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, [FromForm] long ruleId)
    {
        var deleted = await store.DeleteRuleAsync(GuildId, ruleId, HttpContext.RequestAborted);
        return deleted ? Redirect($"/guilds/{GuildId}/events/{key}?done=deleted") : NotFound();
    }

    public MessagePreview PreviewOf(RuleForm form) => new(form.Preview(Definition.Key), Roles);

    private void ShowPosted(RuleForm form, IReadOnlyList<string> problems)
    {
        var index = Forms.FindIndex(x => x.RuleId == form.RuleId);
        form.HasStoredWebhook = index >= 0 && Forms[index].HasStoredWebhook;
        // The pasted webhook URL is a secret: it is not sent back into the page.
        form.WebhookUrl = null;
        if (index >= 0)
        {
            Forms[index] = form;
        }
        else
        {
            Forms[^1] = form;
        }

        Problems[form.RuleId ?? 0] = problems;
    }

    private async Task<bool> LoadAsync(string key)
    {
        var definition = EventCatalog.Find(key);
        if (definition is null)
        {
            return false;
        }

        var ct = HttpContext.RequestAborted;
        Definition = definition;
        State = await overview.ReadAsync(GuildId, ct);
        Channels = await directory.TextChannelsAsync(GuildId, ct);
        Roles = await directory.RolesAsync(GuildId, ct);
        await using var db = contexts.CreateDbContext();
        var ids = await db.AlertRules.AsNoTracking()
            .Where(x => x.GuildId == GuildId && x.EventKey == key)
            .OrderBy(x => x.Position).ThenBy(x => x.Id)
            .Select(x => x.Id)
            .ToListAsync(ct);
        foreach (var id in ids)
        {
            Forms.Add(RuleForm.From(id, (await store.ReadRuleAsync(GuildId, id, ct))!));
        }

        Forms.Add(new RuleForm { ChannelId = Channels?.FirstOrDefault()?.Id });
        return true;
    }
}
