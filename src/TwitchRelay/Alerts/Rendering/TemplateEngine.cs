using System.Text;

namespace TwitchRelay.Alerts;

/// <summary>Reads <c>{name}</c> placeholders; <c>{{</c> and <c>}}</c> stand for literal braces.</summary>
internal static class TemplateEngine
{
    public sealed record Token(string Text, bool IsPlaceholder);

    /// <summary>Splits a template into literal and placeholder tokens, collecting syntax errors.</summary>
    public static (List<Token> Tokens, List<string> Errors) Tokenize(string template)
    {
        var tokens = new List<Token>();
        var errors = new List<string>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var c = template[i];
            var next = i + 1 < template.Length ? template[i + 1] : '\0';
            if ((c == '{' && next == '{') || (c == '}' && next == '}'))
            {
                literal.Append(c);
                i += 2;
            }
            else if (c == '}')
            {
                errors.Add($"Unbalanced '}}' at position {i + 1}; write '}}}}' for a literal brace.");
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOfAny(['{', '}'], i + 1);
                if (close < 0 || template[close] == '{')
                {
                    errors.Add($"Unbalanced '{{' at position {i + 1}; write '{{{{' for a literal brace.");
                    i++;
                    continue;
                }

                var name = template[(i + 1)..close].Trim();
                if (name.Length == 0)
                {
                    errors.Add($"Empty placeholder '{{}}' at position {i + 1}.");
                }
                else
                {
                    Flush(literal, tokens);
                    tokens.Add(new Token(name, IsPlaceholder: true));
                }

                i = close + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        Flush(literal, tokens);
        return (tokens, errors);
    }

    /// <summary>The template with escaped values, or null when it has errors or names a value we do not have
    /// (a stored template that no longer validates falls back to the default line instead of failing).</summary>
    public static string? Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var (tokens, errors) = Tokenize(template);
        if (errors.Count > 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            if (!token.IsPlaceholder)
            {
                builder.Append(token.Text);
            }
            else if (values.TryGetValue(token.Text, out var value))
            {
                // Our own URL must stay clickable; everything else may come from a Twitch user.
                builder.Append(token.Text == "channel_url" ? value : DiscordText.Escape(value));
            }
            else
            {
                return null;
            }
        }

        return builder.ToString();
    }

    private static void Flush(StringBuilder literal, List<Token> tokens)
    {
        if (literal.Length > 0)
        {
            tokens.Add(new Token(literal.ToString(), IsPlaceholder: false));
            literal.Clear();
        }
    }
}
