namespace TwitchRelay.Alerts;

/// <summary>One EventSub subscription type at one version, e.g. <c>channel.moderate</c> v2.</summary>
public sealed record EventSubType(string Type, string Version);
