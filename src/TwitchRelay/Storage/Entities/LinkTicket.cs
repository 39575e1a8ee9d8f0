namespace TwitchRelay.Storage.Entities;

/// <summary>A one-time permission to start linking a guild, issued to someone who may configure it (today the
/// operator, through <c>twitch link</c>). Without it anyone who can reach the service could link any guild.</summary>
public sealed class LinkTicket
{
    public required string TicketHash { get; set; }

    public required string GuildId { get; set; }

    public bool IsRelink { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
