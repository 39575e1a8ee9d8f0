namespace TwitchRelay.Alerts;

/// <summary>Checks an alert rule's template before it is saved.</summary>
public static class TemplateValidator
{
    /// <summary>Every problem with <paramref name="template"/> for <paramref name="eventKey"/>, in reading order;
    /// empty when it is fine.</summary>
    public static IReadOnlyList<string> Validate(string eventKey, string template)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        ArgumentNullException.ThrowIfNull(template);

        var definition = EventCatalog.Find(eventKey);
        if (definition is null)
        {
            return [$"Unknown event key '{eventKey}'."];
        }

        var errors = new List<string>();
        if (template.Length > DiscordLimits.Content)
        {
            errors.Add($"The template is {template.Length} characters; at most {DiscordLimits.Content} fit.");
        }

        var (tokens, syntaxErrors) = TemplateEngine.Tokenize(template);
        errors.AddRange(syntaxErrors);
        foreach (var token in tokens.Where(t => t.IsPlaceholder))
        {
            if (!definition.Placeholders.Contains(token.Text, StringComparer.Ordinal))
            {
                errors.Add($"Unknown placeholder '{{{token.Text}}}' for {eventKey}; available: "
                    + string.Join(", ", definition.Placeholders.Select(p => "{" + p + "}")) + ".");
            }
        }

        return errors;
    }
}
