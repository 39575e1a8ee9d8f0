namespace TwitchRelay.Alerts;

/// <summary>What the parser made of one notification.</summary>
public enum ParseOutcome
{
    /// <summary>One or more alerts to render.</summary>
    Events,

    /// <summary>Understood, but deliberately not alerted; <see cref="ParseResult.Reason"/> says why.</summary>
    Ignored,

    /// <summary>A subscription type or version this product does not alert on.</summary>
    Unknown,

    /// <summary>The body could not be read; <see cref="ParseResult.Reason"/> holds the error.</summary>
    Malformed,
}

/// <summary>The parser's answer: alerts, or the reason there are none.</summary>
public sealed record ParseResult(ParseOutcome Outcome, IReadOnlyList<AlertEvent> Events, string? Reason)
{
    internal static ParseResult Of(AlertEvent alert) => new(ParseOutcome.Events, [alert], null);

    internal static ParseResult Ignored(string reason) => new(ParseOutcome.Ignored, [], reason);

    internal static ParseResult Unknown(string reason) => new(ParseOutcome.Unknown, [], reason);

    internal static ParseResult Malformed(string reason) => new(ParseOutcome.Malformed, [], reason);
}
