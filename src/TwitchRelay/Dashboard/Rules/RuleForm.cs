using TwitchRelay.Alerts;
using TwitchRelay.Cli.Config;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Storage.Entities;

namespace TwitchRelay.Dashboard.Rules;

/// <summary>One alert rule as the event page's form posts it. The guild comes from the URL, never from here.
/// </summary>
public sealed class RuleForm
{
    /// <summary>The rule edited, or null for a new one.</summary>
    public long? RuleId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary><c>channel</c> or <c>webhook</c>.</summary>
    public string Destination { get; set; } = "channel";

    public string? ChannelId { get; set; }

    /// <summary>Blank on an existing webhook rule keeps its stored URL (the page never shows the token).</summary>
    public string? WebhookUrl { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? Template { get; set; }

    /// <summary>stream.online only: what the go-live post becomes when the stream ends (the rules file's
    /// <c>offlineAction</c>, one of <see cref="StreamOfflineActions.All"/>).</summary>
    public string OfflineAction { get; set; } = StreamOfflineActions.Edit;

    public bool HasStoredWebhook { get; set; }

    public static RuleForm From(long ruleId, AlertConfig alert) => new()
    {
        RuleId = ruleId,
        Enabled = alert.Enabled ?? true,
        Destination = alert.WebhookUrl is null ? "channel" : "webhook",
        ChannelId = alert.ChannelId,
        HasStoredWebhook = alert.WebhookUrl is not null,
        Roles = [.. alert.MentionRoleIds?.OfType<string>() ?? []],
        Template = alert.Template,
        OfflineAction = alert.OfflineAction ?? StreamOfflineActions.Edit,
    };

    /// <summary>The rule in the import file's shape, so the import's validator checks it.</summary>
    public AlertConfig ToConfig(string eventKey, string? storedWebhookUrl) => new()
    {
        Event = eventKey,
        ChannelId = Destination == "channel" ? Blank(ChannelId) ?? "" : null,
        WebhookUrl = Destination == "webhook" ? Blank(WebhookUrl) ?? storedWebhookUrl ?? "" : null,
        MentionRoleIds = RoleIds().Count == 0 ? null : [.. RoleIds().Select(x => (string?)x)],
        // An emptied template means "the default text", as leaving it out of a file does.
        Template = Blank(Template),
        Enabled = Enabled,
        // Other events have no go-live post: the field is not theirs, whatever was posted.
        OfflineAction = eventKey == EventKeys.StreamOnline ? Blank(OfflineAction) : null,
    };

    /// <summary>The message this form would post for the key's sample event: the same renderer as a real alert.
    /// A template with errors previews as the default text.</summary>
    public DiscordMessage Preview(string eventKey)
    {
        var template = Blank(Template);
        if (template is not null && TemplateValidator.Validate(eventKey, template).Count > 0)
        {
            template = null;
        }

        var roles = RoleIds().Where(Ids.IsSnowflake).Distinct().Take(100).ToList();
        return AlertRenderer.Render(SampleEvents.For(eventKey), new RenderOptions(roles, template));
    }

    /// <summary>Checked role boxes, or the pasted ids (comma-separated) when the role list could not be read.
    /// </summary>
    public IReadOnlyList<string> RoleIds() =>
        [.. Roles.SelectMany(x => x.Split(
            ',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The model of the <c>_DiscordPreview</c> partial.</summary>
public sealed record MessagePreview(DiscordMessage Message, IReadOnlyList<DiscordRole>? Roles);
