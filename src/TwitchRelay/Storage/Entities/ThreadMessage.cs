namespace TwitchRelay.Storage.Entities;

/// <summary>The Discord message that shows one poll, prediction, goal or hype train in one destination, and
/// which state of it the message shows now, so a late or repeated older state never overwrites a newer one.</summary>
public sealed class ThreadMessage
{
    public long Id { get; set; }

    public required string GuildId { get; set; }

    public required string LaneKey { get; set; }

    public required string ThreadKey { get; set; }

    public required string DiscordMessageId { get; set; }

    public int ShownStage { get; set; }

    public DateTimeOffset ShownEventTime { get; set; }

    public long ShownDeliveryId { get; set; }
}
