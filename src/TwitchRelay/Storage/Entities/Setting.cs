namespace TwitchRelay.Storage.Entities;

/// <summary>A value the service made for itself and keeps (the generated EventSub secret, protected).</summary>
public sealed class Setting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
