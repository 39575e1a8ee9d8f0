namespace TwitchRelay.Discord;

/// <summary>The outcome of one Discord call, as the delivery pipeline sees it. Nothing is swallowed: every
/// failure ends up in one of these.</summary>
public abstract record DiscordResult
{
    private protected DiscordResult()
    {
    }
}

/// <summary>Discord accepted the call. For a delete, <paramref name="MessageId"/> is the deleted message.</summary>
public sealed record DiscordDelivered(string MessageId) : DiscordResult;

/// <summary>Discord answered a read with <paramref name="Value"/>.</summary>
public sealed record DiscordOk<T>(T Value) : DiscordResult;

/// <summary>Discord accepted a call that returns nothing (204), such as adding a role to a member.</summary>
public sealed record DiscordDone : DiscordResult;

/// <summary>A transient failure (5xx, timeout, a long 429): try again after <paramref name="After"/>.</summary>
public sealed record DiscordRetryLater(TimeSpan After, string Reason) : DiscordResult;

/// <summary>A final failure: retrying the same call cannot succeed until someone changes something.</summary>
public sealed record DiscordFailed(string Reason, int? HttpStatus, int? DiscordCode) : DiscordResult
{
    /// <summary>JSON error codes. https://discord.com/developers/docs/topics/opcodes-and-status-codes#json</summary>
    public const int UnknownChannelCode = 10003;
    public const int UnknownGuildCode = 10004;
    public const int UnknownMemberCode = 10007;
    public const int UnknownMessageCode = 10008;
    public const int UnknownRoleCode = 10011;
    public const int UnknownWebhookCode = 10015;
    public const int MissingPermissionsCode = 50013;

    public bool IsUnknownChannel => DiscordCode == UnknownChannelCode;

    public bool IsUnknownMessage => DiscordCode == UnknownMessageCode;

    public bool IsUnknownGuild => DiscordCode == UnknownGuildCode;

    public bool IsUnknownMember => DiscordCode == UnknownMemberCode;

    public bool IsUnknownRole => DiscordCode == UnknownRoleCode;

    public bool IsUnknownWebhook => DiscordCode == UnknownWebhookCode;

    public bool IsMissingPermissions => DiscordCode == MissingPermissionsCode;

    public bool IsUnauthorized => HttpStatus == 401;
}
