using System.Text.Json.Nodes;
using TwitchRelay.Alerts;
using TwitchRelay.Alerts.Payloads;
using static TwitchRelay.Tests.Alerts.SamplePayloads;

namespace TwitchRelay.Tests.Alerts;

public sealed class NotificationParserTests
{
    [Theory]
    [InlineData("channel.follow.json", "follow")]
    [InlineData("channel.raid.json", "raid")]
    [InlineData("channel.moderator.add.json", "moderator.add")]
    [InlineData("channel.moderator.remove.json", "moderator.remove")]
    [InlineData("channel.moderate.json", "timeout.remove")]
    [InlineData("more/channel.moderate.ban.json", "ban")]
    [InlineData("more/channel.moderate.timeout.json", "timeout")]
    [InlineData("more/channel.moderate.unban.json", "unban")]
    [InlineData("channel.ban.json", "timeout")]
    [InlineData("channel.unban.json", "unban")]
    [InlineData("channel.warning.send.json", "warning.send")]
    [InlineData("channel.warning.acknowledge.json", "warning.acknowledge")]
    [InlineData("channel.cheer.json", "cheer")]
    [InlineData("channel.poll.begin.json", "poll.begin")]
    [InlineData("channel.poll.progress.json", "poll.progress")]
    [InlineData("channel.poll.end.json", "poll.end")]
    [InlineData("channel.prediction.begin.json", "prediction.begin")]
    [InlineData("channel.prediction.progress.json", "prediction.progress")]
    [InlineData("channel.prediction.lock.json", "prediction.lock")]
    [InlineData("channel.prediction.end.json", "prediction.end")]
    [InlineData("channel.channel_points_custom_reward_redemption.add.json", "redemption")]
    [InlineData("channel.channel_points_automatic_reward_redemption.add.json", "redemption")]
    [InlineData("channel.subscribe.json", "subscription.new")]
    [InlineData("channel.subscription.gift.json", "subscription.gift")]
    [InlineData("channel.subscription.end.json", "subscription.end")]
    [InlineData("channel.subscription.message.json", "subscription.message")]
    [InlineData("channel.goal.begin.json", "goal.begin")]
    [InlineData("channel.goal.progress.json", "goal.progress")]
    [InlineData("channel.goal.end.json", "goal.end")]
    [InlineData("channel.hype_train.begin.json", "hype_train.begin")]
    [InlineData("channel.hype_train.progress.json", "hype_train.progress")]
    [InlineData("channel.hype_train.end.json", "hype_train.end")]
    [InlineData("channel.vip.add.json", "vip.add")]
    [InlineData("channel.vip.remove.json", "vip.remove")]
    [InlineData("stream.online.json", "stream.online")]
    [InlineData("stream.offline.json", "stream.offline")]
    [InlineData("channel.update.json", "channel.update")]
    public void SampleBecomesOneAlertOfItsKeyForTheStreamer(string file, string key)
    {
        var alert = Single(Parse(file));

        Assert.Equal(key, alert.EventKey);
        Assert.Equal("583920147", alert.BroadcasterId);
        Assert.Equal("ember_hollow", alert.BroadcasterLogin);
        Assert.Equal("Ember_Hollow", alert.BroadcasterName);
    }

    [Theory]
    [InlineData("channel.bits.use.json")]
    [InlineData("channel.channel_points_custom_reward.add.json")]
    [InlineData("channel.channel_points_custom_reward.update.json")]
    [InlineData("channel.channel_points_custom_reward.remove.json")]
    [InlineData("channel.channel_points_custom_reward_redemption.update.json")]
    [InlineData("user.authorization.grant.json")]
    [InlineData("user.authorization.revoke.json")]
    [InlineData("user.update.json")]
    [InlineData("conduit.shard.disabled.json")]
    public void TypesWithoutAnAlertAreUnknown(string file)
    {
        var result = Parse(file);

        Assert.Equal(ParseOutcome.Unknown, result.Outcome);
        Assert.Empty(result.Events);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void AnOldVersionOfAKnownTypeIsUnknown()
    {
        var result = NotificationParser.Parse("channel.follow", "1", Read("channel.follow.json"), MessageTime);

        Assert.Equal(ParseOutcome.Unknown, result.Outcome);
    }

    [Fact]
    public void UnbanAfterTimeoutIsReportedAsTimeoutRemoval()
    {
        var alert = Single(Parse("channel.moderate.json"));

        Assert.Equal("timeout.remove", alert.EventKey);
        Assert.Equal("906612387", ((ChannelModerateEvent)alert.Payload).Untimeout!.UserId);
        Assert.Equal(MessageTime, alert.OccurredAt);
    }

    [Fact]
    public void LegacyPermanentBanIsABanAtItsBannedAtTime()
    {
        var alert = Single(ParseEdited("channel.ban.json", e =>
        {
            e["is_permanent"] = true;
            e["ends_at"] = null;
        }));

        Assert.Equal("ban", alert.EventKey);
        Assert.Equal(new DateTime(2026, 11, 28, 19, 21, 7), alert.OccurredAt.UtcDateTime.AddTicks(-4461023));
    }

    [Theory]
    [InlineData("mod")]
    [InlineData("warn")]
    [InlineData("slow")]
    [InlineData("delete")]
    public void ModerateActionsOtherThanTheFourAreIgnored(string action)
    {
        var result = ParseEdited("more/channel.moderate.ban.json", e => e["action"] = action);

        Assert.Equal(ParseOutcome.Ignored, result.Outcome);
        Assert.Contains(action, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedChatBanFromAnotherChannelIsIgnored()
    {
        var result = ParseEdited("more/channel.moderate.ban.json", e =>
        {
            e["action"] = "shared_chat_ban";
            e["shared_chat_ban"] = e["ban"]!.DeepClone();
            e["ban"] = null;
            e["source_broadcaster_user_login"] = "northwind_games";
        });

        Assert.Equal(ParseOutcome.Ignored, result.Outcome);
        Assert.Contains("northwind_games", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BanActionWithoutItsObjectIsMalformed()
    {
        var result = ParseEdited("more/channel.moderate.ban.json", e => e["ban"] = null);

        Assert.Equal(ParseOutcome.Malformed, result.Outcome);
    }

    [Fact]
    public void GiftedSubscribeIsIgnoredBecauseTheGiftAlertCoversIt()
    {
        var result = ParseEdited("channel.subscribe.json", e => e["is_gift"] = true);

        Assert.Equal(ParseOutcome.Ignored, result.Outcome);
        Assert.Contains("channel.subscription.gift", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"subscription\": {\"type\": \"channel.follow\"}, \"event\": {")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"subscription\": {\"type\": \"channel.follow\"}}")]
    [InlineData("{\"event\": {\"viewers\": \"many\"}}")]
    [InlineData("[1, 2]")]
    public void BrokenBodiesAreMalformedWithoutThrowing(string body)
    {
        var type = body.Contains("viewers", StringComparison.Ordinal) ? "channel.raid" : "channel.follow";
        var version = type == "channel.raid" ? "1" : "2";

        var result = NotificationParser.Parse(type, version, body, MessageTime);

        Assert.Equal(ParseOutcome.Malformed, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void BodyOfAnotherTypeThanTheHeaderIsMalformed()
    {
        var result = NotificationParser.Parse("channel.vip.add", "1", Read("channel.moderator.add.json"), MessageTime);

        Assert.Equal(ParseOutcome.Malformed, result.Outcome);
        Assert.Contains("channel.moderator.add", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingBroadcasterIdIsMalformed()
    {
        var result = ParseEdited("channel.follow.json", e => e["broadcaster_user_id"] = null);

        Assert.Equal(ParseOutcome.Malformed, result.Outcome);
    }

    [Fact]
    public void UnknownFieldsAreIgnored()
    {
        var alert = Single(ParseEdited("channel.cheer.json", e =>
        {
            e["brand_new_field"] = new JsonObject { ["nested"] = new JsonArray(1, 2) };
            e["another"] = "x";
        }));

        Assert.Equal(500, ((ChannelCheerEvent)alert.Payload).Bits);
    }

    [Fact]
    public void NullsWhereNumbersAndFlagsBelongReadAsZeroAndFalse()
    {
        var alert = Single(ParseEdited("channel.hype_train.progress.json", e =>
        {
            foreach (var name in e.Select(p => p.Key).Where(k => k != "broadcaster_user_id").ToList())
            {
                e[name] = null;
            }
        }));

        var train = (ChannelHypeTrainEvent)alert.Payload;
        Assert.Equal(0, train.Level);
        Assert.False(train.IsSharedTrain);
        Assert.Null(train.Progress);
        Assert.Null(alert.Thread);
        Assert.Equal(string.Empty, alert.BroadcasterLogin);
    }

    [Theory]
    [InlineData("channel.poll.begin.json", "poll:1243456", 0)]
    [InlineData("channel.poll.progress.json", "poll:1243456", 1)]
    [InlineData("channel.poll.end.json", "poll:1243456", 2)]
    [InlineData("channel.prediction.begin.json", "prediction:1243456", 0)]
    [InlineData("channel.prediction.progress.json", "prediction:1243456", 1)]
    [InlineData("channel.prediction.lock.json", "prediction:1243456", 2)]
    [InlineData("channel.prediction.end.json", "prediction:1243456", 3)]
    [InlineData("channel.goal.begin.json", "goal:12345-abc-678-defgh", 0)]
    [InlineData("channel.goal.end.json", "goal:12345-abc-678-defgh", 2)]
    [InlineData("channel.hype_train.progress.json", "hype_train:1b0AsbInCHZW2SQFQkCzqN07Ib2", 1)]
    [InlineData("channel.hype_train.end.json", "hype_train:1b0AsbInCHZW2SQFQkCzqN07Ib2", 2)]
    public void EditedMessagesShareAThreadWithRisingStages(string file, string key, int stage)
    {
        var alert = Single(Parse(file));

        Assert.Equal(new AlertThread(key, stage), alert.Thread);
    }

    [Fact]
    public void SingleMessageEventsHaveNoThread()
    {
        Assert.Null(Single(Parse("channel.cheer.json")).Thread);
    }

    [Theory]
    [InlineData("channel.follow.json", "2026-11-28T19:04:11.1710671+00:00")]
    [InlineData("channel.channel_points_custom_reward_redemption.add.json", "2026-11-28T20:40:11.4129071+00:00")]
    [InlineData("stream.online.json", "2026-11-28T18:00:03+00:00")]
    [InlineData("channel.poll.end.json", "2026-11-28T20:02:00.1138574+00:00")]
    [InlineData("channel.poll.progress.json", "2026-11-28T19:21:07.446+00:00")]
    [InlineData("channel.raid.json", "2026-11-28T19:21:07.446+00:00")]
    public void OccurredAtIsTheEventsOwnTimeElseTheMessageTime(string file, string expected)
    {
        var alert = Single(Parse(file));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            alert.OccurredAt);
    }

    [Fact]
    public void EveryKeyHasASampleThatParsesToItself()
    {
        Assert.All(EventCatalog.All, d => Assert.Equal(d.Key, SampleEvents.For(d.Key).EventKey));
    }
}
