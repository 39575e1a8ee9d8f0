namespace TwitchRelay.Storage.Entities;

/// <summary>In one guild: an event key → a destination (a channel the bot posts in, or a Discord webhook).</summary>
public sealed class AlertRule
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    public required string EventKey { get; set; }

    public string? ChannelId { get; set; }

    public string? WebhookId { get; set; }

    /// <summary>The webhook token, encrypted with Data Protection: the URL alone lets anyone post.</summary>
    public string? ProtectedWebhookToken { get; set; }

    /// <summary>Role ids to mention, comma-separated.</summary>
    public string MentionRoleIds { get; set; } = "";

    public string? Template { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>For <c>stream.online</c> rules: what the go-live post becomes when the stream ends (see
    /// <see cref="StreamOfflineActions"/>); null means <c>edit</c>.</summary>
    public string? OfflineAction { get; set; }

    /// <summary>Why the service switched the rule off (a deleted channel or webhook), for the admin to see.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>Keeps the order of the imported file, so an export round-trips.</summary>
    public int Position { get; set; }

    public GuildLink? Guild { get; set; }

    public IReadOnlyList<string> MentionRoleIdList =>
        MentionRoleIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Deliveries to one destination go out in order, one at a time: this names the destination.</summary>
    public string LaneKey => ChannelId is not null ? $"channel:{ChannelId}" : $"webhook:{WebhookId}";
}
