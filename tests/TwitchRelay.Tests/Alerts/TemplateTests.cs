using TwitchRelay.Alerts;
using static TwitchRelay.Tests.Alerts.SamplePayloads;

namespace TwitchRelay.Tests.Alerts;

public sealed class TemplateTests
{
    [Fact]
    public void ValidTemplateHasNoErrors()
    {
        var errors = TemplateValidator.Validate("cheer", "{user} cheered {bits} on {channel_url} {{literal}}");

        Assert.Empty(errors);
    }

    [Fact]
    public void UnknownPlaceholderIsNamed()
    {
        var errors = TemplateValidator.Validate("follow", "{user} brought {bits}");

        var error = Assert.Single(errors);
        Assert.Contains("{bits}", error, StringComparison.Ordinal);
        Assert.Contains("{user_login}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{user", "Unbalanced '{'")]
    [InlineData("user}", "Unbalanced '}'")]
    [InlineData("{us{er}", "Unbalanced '{'")]
    [InlineData("hi {}", "Empty placeholder")]
    public void UnbalancedBracesAreReported(string template, string expected)
    {
        var errors = TemplateValidator.Validate("follow", template);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void TooLongTemplateIsReported()
    {
        var errors = TemplateValidator.Validate("follow", new string('x', 2001));

        Assert.Contains(errors, e => e.Contains("2001", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownEventKeyIsReported()
    {
        var errors = TemplateValidator.Validate("unfollow", "{user}");

        Assert.Equal(["Unknown event key 'unfollow'."], errors);
    }

    [Fact]
    public void TemplateReplacesContentWithEscapedValuesAndLiteralBraces()
    {
        var alert = Single(ParseEdited("channel.cheer.json", e => e["user_name"] = "**Big**_Spender"));

        var message = Render(alert, "{{{user}}} gave {bits} Bits: {message} {channel_url}");

        Assert.Equal(
            "{\\*\\*Big\\*\\*\\_Spender} gave 500 Bits: Cheer500 what a clutch! https://www.twitch.tv/ember_hollow",
            message.Content);
    }

    [Fact]
    public void TimeoutTemplateGetsDurationAndModerator()
    {
        var alert = Single(Parse("more/channel.moderate.timeout.json"));

        var message = Render(alert, "{user} timed out {duration} by {moderator}");

        Assert.Equal("Ashen\\_Otter timed out 10 minutes by Quiet\\_Lantern", message.Content);
    }

    [Fact]
    public void InvalidStoredTemplateFallsBackToTheDefaultLine()
    {
        var alert = Single(Parse("channel.follow.json"));

        var message = Render(alert, "{nope} {user");

        Assert.Equal("Pixel\\_Wanderer just followed Ember\\_Hollow!", message.Content);
    }

    [Fact]
    public void RolePingsComeBeforeTheTemplate()
    {
        var alert = Single(Parse("stream.online.json"));

        var message = Render(alert, "{broadcaster} is live", "111", "222");

        Assert.Equal("<@&111> <@&222> Ember\\_Hollow is live", message.Content);
    }
}
