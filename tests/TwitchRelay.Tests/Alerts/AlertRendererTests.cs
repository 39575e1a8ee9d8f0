using System.Text.Json.Nodes;
using TwitchRelay.Alerts;
using static TwitchRelay.Tests.Alerts.SamplePayloads;

namespace TwitchRelay.Tests.Alerts;

public sealed class AlertRendererTests
{
    private static string Rendered(string file) => Text(Render(Single(Parse(file))));

    private static string RenderedEdited(string file, Action<JsonObject> edit) =>
        Text(Render(Single(ParseEdited(file, edit))));

    [Theory]
    [InlineData("channel.follow.json", "Pixel\\_Wanderer")]
    [InlineData("channel.raid.json", "142 viewers")]
    [InlineData("channel.moderator.add.json", "is now a moderator")]
    [InlineData("channel.moderator.remove.json", "is no longer a moderator")]
    [InlineData("channel.vip.add.json", "is now a VIP")]
    [InlineData("channel.vip.remove.json", "is no longer a VIP")]
    [InlineData("more/channel.moderate.ban.json", "Hate speech")]
    [InlineData("more/channel.moderate.unban.json", "was unbanned")]
    [InlineData("channel.moderate.json", "timeout was removed")]
    [InlineData("channel.unban.json", "Moderator: Quiet\\_Lantern")]
    [InlineData("channel.warning.send.json", "• No self\\-promotion or links")]
    [InlineData("channel.warning.acknowledge.json", "acknowledged their warning")]
    [InlineData("channel.cheer.json", "cheered **500 Bits**")]
    [InlineData("channel.subscribe.json", "subscribed with **Tier 1**")]
    [InlineData("channel.subscription.end.json", "Ashen\\_Otter**'s **Tier 1** subscription has ended")]
    [InlineData("channel.subscription.gift.json", "gifted **5 Tier 1 subs**")]
    [InlineData("channel.subscription.gift.json", "Gifted in this channel: 37")]
    [InlineData("channel.subscription.message.json", "for **6 months**")]
    [InlineData("channel.subscription.message.json", "Streak: 3 months")]
    [InlineData("channel.channel_points_custom_reward_redemption.add.json", "**Hydrate!** for **500 channel points**")]
    [InlineData("channel.channel_points_automatic_reward_redemption.add.json", "Highlight My Message")]
    [InlineData("channel.channel_points_automatic_reward_redemption.add.json", "Input: First stream back")]
    [InlineData("channel.poll.begin.json", "3\\. Skip, farm first")]
    [InlineData("channel.poll.progress.json", "**The Ashen King**: 57 votes (58.8%)")]
    [InlineData("channel.poll.progress.json", "Total votes: 97")]
    [InlineData("channel.poll.end.json", "🏆 **The Ashen King**: 112 votes (58.6%)")]
    [InlineData("channel.poll.end.json", "Winner: The Ashen King")]
    [InlineData("channel.prediction.begin.json", "• No way")]
    [InlineData("channel.prediction.progress.json", "**Yes, first try**: 14 users, 16,000 points (54.8%)")]
    [InlineData("channel.prediction.lock.json", "Predictions are locked")]
    [InlineData("channel.prediction.end.json", "🏆 **Yes, first try**")]
    [InlineData("channel.prediction.end.json", "Pixel\\_Wanderer won 12,000")]
    [InlineData("channel.goal.begin.json", "812 / 1,000 followers")]
    [InlineData("channel.goal.progress.json", "913 / 1,000 followers** (91.3%)")]
    [InlineData("channel.goal.end.json", "Goal achieved")]
    [InlineData("channel.hype_train.begin.json", "Level **1**: 1,500 / 2,200")]
    [InlineData("channel.hype_train.progress.json", "Total: 3,700")]
    [InlineData("channel.hype_train.end.json", "reached level **3** with a total of **9,150**")]
    [InlineData("stream.online.json", "https://www.twitch.tv/ember_hollow")]
    [InlineData("stream.offline.json", "went offline")]
    [InlineData("channel.update.json", "Category: Just Chatting")]
    [InlineData("channel.update.json", "Blind run, day 3 \\| !discord")]
    public void SampleAlertShowsItsFacts(string file, string fact)
    {
        var text = Rendered(file);

        Assert.Contains(fact, text, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutLengthIsExpiryMinusEventTime()
    {
        var text = Rendered("more/channel.moderate.timeout.json");

        Assert.Contains("timed out for **10 minutes**", text, StringComparison.Ordinal);
        Assert.Contains("Reason: Spamming links after a warning", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutWhoseExpiryPassedBeforeTheEventArrivedHasNoLengthRatherThanZero()
    {
        var text = RenderedEdited(
            "more/channel.moderate.timeout.json",
            e => e["timeout"]!["expires_at"] = "2026-11-28T19:00:00Z");

        Assert.Contains("timed out for **unknown length**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0 seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyTimeoutLengthIsEndsAtMinusBannedAt()
    {
        var text = RenderedEdited("channel.ban.json", e => e["ends_at"] = "2026-11-28T20:51:07.446102331Z");

        Assert.Contains("**1 hour 30 minutes**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PermanentBanViaChannelModerateSaysPermanent()
    {
        var text = Rendered("more/channel.moderate.ban.json");

        Assert.Contains("banned permanently", text, StringComparison.Ordinal);
        Assert.Contains("Duration: Permanent", text, StringComparison.Ordinal);
        Assert.Contains("Moderator: Quiet\\_Lantern", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PermanentBanViaLegacyChannelBanWithEmptyReason()
    {
        var text = RenderedEdited("channel.ban.json", e =>
        {
            e["is_permanent"] = true;
            e["ends_at"] = null;
            e["reason"] = "";
        });

        Assert.Contains("banned permanently", text, StringComparison.Ordinal);
        Assert.Contains("Reason: No reason given", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnonymousCheerShowsAnonymous()
    {
        var text = RenderedEdited("channel.cheer.json", e =>
        {
            e["is_anonymous"] = true;
            e["user_id"] = null;
            e["user_login"] = null;
            e["user_name"] = null;
        });

        Assert.Contains("**Anonymous** cheered **500 Bits**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnonymousCommunityGiftHasNoCumulativeTotal()
    {
        var text = RenderedEdited("channel.subscription.gift.json", e =>
        {
            e["is_anonymous"] = true;
            e["user_id"] = null;
            e["user_login"] = null;
            e["user_name"] = null;
            e["cumulative_total"] = null;
            e["total"] = 20;
            e["tier"] = "3000";
        });

        Assert.Contains("**An anonymous gifter** gifted **20 Tier 3 subs**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gifted in this channel", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2000", "Tier 2")]
    [InlineData("3000", "Tier 3")]
    [InlineData("prime", "Prime")]
    public void TiersAreNamed(string tier, string expected)
    {
        var text = RenderedEdited("channel.subscribe.json", e => e["tier"] = tier);

        Assert.Contains($"subscribed with **{expected}**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PrimeFlagWinsOverTier1000()
    {
        var text = RenderedEdited("channel.subscribe.json", e => e["is_prime"] = true);

        Assert.Contains("subscribed with **Prime**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CanceledPredictionSaysSoAndNamesNoWinner()
    {
        var text = RenderedEdited("channel.prediction.end.json", e =>
        {
            e["status"] = "canceled";
            e["winning_outcome_id"] = null;
        });

        Assert.Contains("Prediction canceled", text, StringComparison.Ordinal);
        Assert.Contains("No winner", text, StringComparison.Ordinal);
        Assert.DoesNotContain("🏆", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("terminated", "Poll ended early")]
    [InlineData("archived", "Poll archived")]
    public void PollEndStatusIsShown(string status, string heading)
    {
        var text = RenderedEdited("channel.poll.end.json", e => e["status"] = status);

        Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains($"Status: {status}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("follow", "followers")]
    [InlineData("subscription", "subscription points")]
    [InlineData("subscription_count", "subscriptions")]
    [InlineData("new_subscription", "new subscription points")]
    [InlineData("new_subscription_count", "new subscriptions")]
    [InlineData("new_bit", "Bits")]
    [InlineData("new_cheerer", "new cheerers")]
    public void EveryGoalTypeNamesItsUnit(string type, string unit)
    {
        var text = RenderedEdited("channel.goal.progress.json", e => e["type"] = type);

        Assert.Contains($"913 / 1,000 {unit}**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnachievedGoalEndSaysTheTargetWasMissed()
    {
        var text = RenderedEdited("channel.goal.end.json", e =>
        {
            e["is_achieved"] = false;
            e["current_amount"] = 640;
        });

        Assert.Contains("Goal ended", text, StringComparison.Ordinal);
        Assert.Contains("Achieved: No", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedHypeTrainListsParticipants()
    {
        var text = RenderedEdited("channel.hype_train.progress.json", e =>
        {
            e["is_shared_train"] = true;
            e["type"] = "golden_kappa";
            e["shared_train_participants"] = JsonNode.Parse("""
                [{"broadcaster_user_id":"583920147","broadcaster_user_login":"ember_hollow",
                  "broadcaster_user_name":"Ember_Hollow"},
                 {"broadcaster_user_id":"315577420","broadcaster_user_login":"northwind_games",
                  "broadcaster_user_name":"NorthwindGames"}]
                """);
        });

        Assert.Contains("Shared with: Ember\\_Hollow, NorthwindGames", text, StringComparison.Ordinal);
        Assert.Contains("Golden Kappa Train", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbedCarriesChannelLinkTimeColourAndFooter()
    {
        var embed = Assert.Single(Render(Single(Parse("channel.follow.json"))).Embeds!);

        Assert.Equal("https://www.twitch.tv/ember_hollow", embed.Url);
        Assert.Equal("2026-11-28T19:04:11.171Z", embed.Timestamp);
        Assert.Equal(0x9146FF, embed.Color);
        Assert.Equal("Ember\\_Hollow", embed.Author!.Name);
        Assert.Equal("Twitch · New follower", embed.Footer!.Text);
    }

    [Fact]
    public void StreamOnlineHasAWatchButton()
    {
        var message = Render(Single(Parse("stream.online.json")));

        var button = Assert.Single(Assert.Single(message.Components!).Components);
        Assert.Equal("https://www.twitch.tv/ember_hollow", button.Url);
        Assert.Equal(5, button.Style);
    }

    [Fact]
    public void EveryKeyRendersItsSampleWithValuesForAllItsPlaceholders()
    {
        foreach (var definition in EventCatalog.All)
        {
            var template = string.Join(' ', definition.Placeholders.Select(p => "{" + p + "}"));

            var message = AlertRenderer.Render(SampleEvents.For(definition.Key), new RenderOptions([], template));

            // A template falls back to the default line when a value is missing, so "{event}" text proves it ran.
            Assert.Contains(DiscordTextEscaped(definition.DisplayName), message.Content, StringComparison.Ordinal);
            Assert.Contains("https://www.twitch.tv/ember_hollow", message.Content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NullsEverywhereStillRender()
    {
        foreach (var file in new[] { "channel.poll.end.json", "channel.prediction.end.json", "channel.cheer.json",
            "channel.subscription.message.json", "channel.warning.send.json", "channel.update.json",
            "channel.channel_points_custom_reward_redemption.add.json" })
        {
            var alert = Single(ParseEdited(file, e =>
            {
                foreach (var name in e.Select(p => p.Key).Where(k => k != "broadcaster_user_id").ToList())
                {
                    e[name] = null;
                }
            }));

            var message = Render(alert);

            var embed = Assert.Single(message.Embeds!);
            Assert.All(embed.Fields ?? [], f => Assert.NotEqual(string.Empty, f.Value));
            Assert.False(string.IsNullOrEmpty(message.Content));
        }
    }

    private static string DiscordTextEscaped(string text) => text.Replace("-", "\\-", StringComparison.Ordinal);
}
