namespace TwitchRelay.Alerts;

/// <summary>What a formatter says about one alert, before limits are applied. Title, description, summary and
/// field texts are Discord markdown with every Twitch-supplied part already escaped; <see cref="Values"/> holds
/// raw placeholder values, escaped when a template uses them.</summary>
internal sealed class AlertView
{
    public required string Title { get; init; }

    public required string Summary { get; init; }

    public string? Description { get; set; }

    public List<DiscordEmbedField> Fields { get; } = [];

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public DiscordLinkButton? Button { get; set; }

    public AlertView Field(string name, string value, bool inline = true)
    {
        Fields.Add(new DiscordEmbedField(name, value, inline));
        return this;
    }

    public AlertView Value(string name, string? raw)
    {
        Values[name] = raw ?? string.Empty;
        return this;
    }

    public AlertView Value(string name, long number) => Value(name, Format.Number(number));
}
