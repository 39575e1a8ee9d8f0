using System.Text.Json.Serialization;

namespace TwitchRelay.Cli.Config;

/// <summary>The alert-rules file read by <c>config import</c> and written by <c>config export</c> (README, "Alert
/// rules as a file"). Everything is nullable so that a missing value is reported with its path, not thrown.</summary>
public sealed record AlertConfigFile
{
    public const int CurrentVersion = 1;

    public int? Version { get; init; }

    public List<GuildConfig?>? Guilds { get; init; }
}

public sealed record GuildConfig
{
    public string? GuildId { get; init; }

    public string? BroadcasterId { get; init; }

    /// <summary>Where the service tells the guild's admins about broken links and failing destinations.</summary>
    public string? AdminChannelId { get; init; }

    public List<AlertConfig?>? Alerts { get; init; }

    /// <summary>The role given to the streamer's (and followed channels') Discord members while live.</summary>
    public string? LiveRoleId { get; init; }

    /// <summary>The linked streamer's Discord member id, for the live role.</summary>
    public string? StreamerDiscordUserId { get; init; }

    /// <summary>Other Twitch channels whose go-live the guild's stream.online rules post too.</summary>
    public List<FollowConfig?>? Follow { get; init; }

    /// <summary>Roles for the broadcaster's Twitch subscribers who connected their account (optional).</summary>
    public SubscriberRolesConfig? SubscriberRoles { get; init; }
}

public sealed record FollowConfig
{
    /// <summary>The channel's Twitch login; checked to exist when the file is imported.</summary>
    public string? Login { get; init; }

    /// <summary>The channel owner's Discord member id, for the live role.</summary>
    public string? DiscordUserId { get; init; }
}

/// <summary>One role for every tier (<see cref="RoleId"/>) or a role per tier; gifted subs get
/// <see cref="GiftRoleId"/>, else the tier's role unless <see cref="IncludeGifts"/> is false.</summary>
public sealed record SubscriberRolesConfig
{
    public string? RoleId { get; init; }

    public string? Tier1000 { get; init; }

    public string? Tier2000 { get; init; }

    public string? Tier3000 { get; init; }

    public string? GiftRoleId { get; init; }

    public bool? IncludeGifts { get; init; }
}

public sealed record AlertConfig
{
    public string? Event { get; init; }

    public string? ChannelId { get; init; }

    public string? WebhookUrl { get; init; }

    public List<string?>? MentionRoleIds { get; init; }

    public string? Template { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>stream.online only: <c>edit</c> (default), <c>delete</c>, <c>message</c> or <c>none</c>.</summary>
    public string? OfflineAction { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(AlertConfigFile))]
internal sealed partial class AlertConfigJsonContext : JsonSerializerContext;
