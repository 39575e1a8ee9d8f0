using System.Diagnostics.Metrics;

namespace TwitchRelay.Twitch.EventSub;

/// <summary>Counters an operator can watch (OpenTelemetry or <c>dotnet-counters</c>, meter <c>TwitchRelay</c>).
/// </summary>
public sealed class IntakeMetrics
{
    public const string MeterName = "TwitchRelay";

    private readonly Counter<long> accepted;
    private readonly Counter<long> refused;
    private readonly Counter<long> challenges;

    public IntakeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("twitchrelay.eventsub.accepted", description: "Messages stored or seen");
        refused = meter.CreateCounter<long>("twitchrelay.eventsub.refused", description: "Requests refused");
        challenges = meter.CreateCounter<long>("twitchrelay.eventsub.challenges");
    }

    public void Accepted(bool isNew) => accepted.Add(1, new KeyValuePair<string, object?>("new", isNew));

    public void Refused(string reason) => refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Challenged() => challenges.Add(1);
}
