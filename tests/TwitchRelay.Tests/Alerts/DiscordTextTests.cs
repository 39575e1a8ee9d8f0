using System.Globalization;
using TwitchRelay.Alerts;
using static TwitchRelay.Tests.Alerts.SamplePayloads;

namespace TwitchRelay.Tests.Alerts;

public sealed class DiscordTextTests
{
    [Theory]
    [InlineData("**bold**", "\\*\\*bold\\*\\*")]
    [InlineData("_x_", "\\_x\\_")]
    [InlineData("~~gone~~ `code` ||spoiler||", "\\~\\~gone\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|")]
    [InlineData("> quote # head [a](b)", "\\> quote \\# head \\[a\\]\\(b\\)")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void MarkdownIsEscaped(string raw, string escaped)
    {
        Assert.Equal(escaped, DiscordText.Escape(raw));
    }

    [Theory]
    [InlineData("@everyone")]
    [InlineData("@here")]
    [InlineData("<@123456789012345678>")]
    [InlineData("<@&123>")]
    public void MentionsAreDefused(string raw)
    {
        var escaped = DiscordText.Escape(raw);

        Assert.DoesNotContain("@everyone", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", escaped, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<@&?\d", escaped);
        Assert.Contains("@\u200B", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void UserTextCannotPingOrFormatInARenderedAlert()
    {
        var alert = Single(ParseEdited("channel.cheer.json", e =>
        {
            e["user_name"] = "@everyone";
            e["message"] = "<@&123> **free bits** _now_";
        }));

        var message = Render(alert);

        var json = DiscordMessageJson.Serialize(message);
        Assert.DoesNotContain("@everyone", Text(message), StringComparison.Ordinal);
        Assert.DoesNotContain("<@&123>", Text(message), StringComparison.Ordinal);
        Assert.Contains("\\*\\*free bits\\*\\* \\_now\\_", Text(message), StringComparison.Ordinal);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[],\"roles\":[]}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortTextIsOnlyTrimmed()
    {
        Assert.Equal("abc", DiscordText.Truncate("  abc \n", 3));
    }

    [Theory]
    [InlineData("👨‍👩‍👧‍👦")] // ZWJ family: 11 UTF-16 units, one grapheme
    [InlineData("🏳️‍🌈")]
    [InlineData("é")] // e + combining acute
    [InlineData("😀")]
    public void CutNeverSplitsAGrapheme(string unit)
    {
        var text = "ab" + string.Concat(Enumerable.Repeat(unit, 10));
        for (var limit = 2; limit < text.Length; limit++)
        {

            var cut = DiscordText.Truncate(text, limit);

            Assert.True(cut.Length <= limit, $"limit {limit}: {cut.Length}");
            Assert.EndsWith("…", cut, StringComparison.Ordinal);
            var body = cut[..^1];
            Assert.True(body.Length == 0 || body == "a" || body.StartsWith("ab", StringComparison.Ordinal));
            Assert.Equal(0, (body.Length - Math.Min(2, body.Length)) % unit.Length);
            Assert.All(Elements(body).Skip(2), element => Assert.Equal(unit, element));
        }
    }

    [Fact]
    public void CutNeverLeavesALoneSurrogate()
    {
        var text = string.Concat(Enumerable.Repeat("a😀", 50));

        for (var limit = 1; limit < 60; limit++)
        {
            var cut = DiscordText.Truncate(text, limit);

            Assert.True(cut.Length <= limit);
            for (var i = 0; i < cut.Length; i++)
            {
                if (char.IsHighSurrogate(cut[i]))
                {
                    Assert.True(i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1]), $"limit {limit} at {i}");
                    i++;
                }
                else
                {
                    Assert.False(char.IsLowSurrogate(cut[i]), $"limit {limit} at {i}");
                }
            }
        }
    }

    [Fact]
    public void CutNeverLeavesADanglingEscapeBackslash()
    {
        var escaped = DiscordText.Escape("ab*cd");

        var cut = DiscordText.Truncate(escaped, 4);

        Assert.Equal("ab…", cut);
    }

    [Fact]
    public void EscapedBackslashPairSurvivesACut()
    {
        var cut = DiscordText.Truncate("ab\\\\cdef", 6);

        Assert.Equal("ab\\\\c…", cut);
    }

    [Fact]
    public void WhitespaceIsTrimmedBeforeMeasuring()
    {
        var cut = DiscordText.Truncate("   " + new string('x', 10) + "   ", 10);

        Assert.Equal(new string('x', 10), cut);
    }

    private static IEnumerable<string> Elements(string text)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }
}
