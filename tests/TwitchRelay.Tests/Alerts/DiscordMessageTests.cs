using System.Text.Json.Nodes;
using TwitchRelay.Alerts;
using static TwitchRelay.Tests.Alerts.SamplePayloads;

namespace TwitchRelay.Tests.Alerts;

public sealed class DiscordMessageTests
{
    [Fact]
    public void AllowedMentionsNameExactlyTheRulesRoles()
    {
        var alert = Single(Parse("channel.raid.json"));

        var message = Render(alert, null, "123456789012345678", "42", "42");

        Assert.Empty(message.AllowedMentions.Parse);
        Assert.Equal(["123456789012345678", "42"], message.AllowedMentions.Roles);
        Assert.StartsWith("<@&123456789012345678> <@&42> ", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRolesMeansNoPingsAndAnEmptyRoleList()
    {
        var message = Render(Single(Parse("channel.raid.json")));

        Assert.Empty(message.AllowedMentions.Roles);
        Assert.DoesNotContain("<@", message.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("everyone")]
    [InlineData("12<@&3>")]
    [InlineData("")]
    public void RoleIdsThatAreNotSnowflakesAreRejected(string roleId)
    {
        var alert = Single(Parse("channel.raid.json"));

        Assert.Throws<ArgumentException>(() => Render(alert, null, roleId));
    }

    [Fact]
    public void SerializedJsonIsSnakeCaseWithoutNulls()
    {
        var message = Render(Single(Parse("stream.online.json")), null, "42");

        var json = JsonNode.Parse(DiscordMessageJson.Serialize(message))!;

        Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal("42", json["allowed_mentions"]!["roles"]![0]!.GetValue<string>());
        var embed = json["embeds"]![0]!;
        Assert.Equal("https://www.twitch.tv/ember_hollow", embed["author"]!["url"]!.GetValue<string>());
        Assert.False(embed.AsObject().ContainsKey("thumbnail"));
        Assert.False(embed["author"]!.AsObject().ContainsKey("icon_url"));
        Assert.Equal(0x22C55E, embed["color"]!.GetValue<int>());
        Assert.Equal(5, json["components"]![0]!["components"]![0]!["style"]!.GetValue<int>());
    }

    [Fact]
    public void LongTextIsCutToEachEmbedLimit()
    {
        var huge = string.Concat(Enumerable.Repeat("👨‍👩‍👧 ", 2000));
        var alert = Single(ParseEdited("channel.poll.progress.json", e =>
        {
            e["title"] = huge;
            var choices = new JsonArray();
            for (var i = 0; i < 40; i++)
            {
                choices.Add(new JsonObject { ["id"] = $"c{i}", ["title"] = huge, ["votes"] = i });
            }

            e["choices"] = choices;
        }));

        var message = Render(alert);

        var embed = Assert.Single(message.Embeds!);
        Assert.True(embed.Title!.Length <= DiscordLimits.EmbedTitle);
        Assert.EndsWith("…", embed.Title, StringComparison.Ordinal);
        Assert.True(embed.Description!.Length <= DiscordLimits.EmbedDescription);
        Assert.True(message.Content!.Length <= DiscordLimits.Content);
        Assert.True(Total(embed) <= DiscordLimits.EmbedTotal, $"total {Total(embed)}");
    }

    [Fact]
    public void TheSixThousandTotalCutsTheDescriptionBeforeTheFields()
    {
        var huge = new string('w', 3000);
        var alert = Single(ParseEdited("channel.prediction.end.json", e =>
        {
            e["title"] = huge;
            foreach (var outcome in e["outcomes"]!.AsArray())
            {
                outcome!["title"] = huge;
                foreach (var predictor in outcome["top_predictors"]!.AsArray())
                {
                    predictor!["user_name"] = huge;
                }
            }
        }));

        var embed = Assert.Single(Render(alert).Embeds!);

        Assert.True(Total(embed) <= DiscordLimits.EmbedTotal, $"total {Total(embed)}");
        Assert.Equal(DiscordLimits.EmbedTotal, Total(embed));
        Assert.Contains(embed.Fields!, f => f.Name == "Winner" && f.Value.Length == DiscordLimits.FieldValue);
        Assert.Contains(embed.Fields!, f => f.Name == "Top winners");
        Assert.True(embed.Description!.Length < DiscordLimits.EmbedDescription);
        Assert.All(embed.Fields!, f => Assert.True(f.Value.Length <= DiscordLimits.FieldValue));
    }

    [Fact]
    public void AtMostTwentyFiveFields()
    {
        var alert = Single(ParseEdited("channel.hype_train.progress.json", e => e["is_shared_train"] = true));

        var embed = Assert.Single(Render(alert).Embeds!);

        Assert.True(embed.Fields!.Count <= DiscordLimits.EmbedFields);
        Assert.Contains(embed.Fields, f => f.Value == "Other channels");
    }

    private static int Total(DiscordEmbed embed) =>
        (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
        + (embed.Author?.Name.Length ?? 0) + (embed.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length);
}
