namespace TwitchRelay.Fakes.Discord;

/// <summary>A scripted misbehaviour for the next matching requests: an error status, a delay or a 429.</summary>
internal sealed class FakeDiscordFault
{
    public required Func<RecordedDiscordRequest, string?, bool> Matches { get; init; }

    public int Remaining { get; set; }

    public int? Status { get; init; }

    public TimeSpan? Delay { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public bool Global { get; init; }

    /// <summary>Matches requests whose major parameter (channel or webhook id) is <paramref name="id"/>.</summary>
    public static Func<RecordedDiscordRequest, string?, bool> ForId(string id) =>
        (_, majorId) => string.Equals(majorId, id, StringComparison.Ordinal);

    public static Func<RecordedDiscordRequest, string?, bool> ForRequest(
        Func<RecordedDiscordRequest, bool> predicate) =>
        (request, _) => predicate(request);
}
