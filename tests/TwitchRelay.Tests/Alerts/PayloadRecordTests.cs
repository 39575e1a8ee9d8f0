using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TwitchRelay.Alerts.Payloads;

namespace TwitchRelay.Tests.Alerts;

/// <summary>Every sample body reads into its typed record with the real values.</summary>
public sealed class PayloadRecordTests
{
    private static readonly TwitchJsonContext Json = TwitchJsonContext.Default;

    private static T Event<T>(string file, JsonTypeInfo<EventSubNotification<T>> info)
        where T : ITwitchEvent =>
        JsonSerializer.Deserialize(SamplePayloads.Read(file), info)!.Event!;

    [Fact]
    public void EnvelopeCarriesSubscriptionFields()
    {
        var n = JsonSerializer.Deserialize(
            SamplePayloads.Read("channel.follow.json"),
            Json.EventSubNotificationChannelFollowEvent)!;

        Assert.Equal("f1c2a387-161a-49f9-a165-0f21d7a4e1c4", n.Subscription!.Id);
        Assert.Equal("enabled", n.Subscription.Status);
        Assert.Equal("2", n.Subscription.Version);
        Assert.Equal("583920147", n.Subscription.Condition!["moderator_user_id"]);
        Assert.Equal("webhook", n.Subscription.Transport!.Method);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 14, 51, TimeSpan.Zero).AddTicks(3812045),
            n.Subscription.CreatedAt);
    }

    [Fact]
    public void CommunityRecords()
    {
        var follow = Event("channel.follow.json", Json.EventSubNotificationChannelFollowEvent);
        var raid = Event("channel.raid.json", Json.EventSubNotificationChannelRaidEvent);
        var mod = Event("channel.moderator.remove.json", Json.EventSubNotificationChannelModeratorEvent);
        var vip = Event("channel.vip.add.json", Json.EventSubNotificationChannelVipEvent);
        var warn = Event("channel.warning.send.json", Json.EventSubNotificationChannelWarningSendEvent);
        var ack = Event("channel.warning.acknowledge.json", Json.EventSubNotificationChannelWarningAcknowledgeEvent);

        Assert.Equal("Pixel_Wanderer", follow.UserName);
        Assert.Equal(4, follow.FollowedAt!.Value.Minute);
        Assert.Equal(142, raid.Viewers);
        Assert.Equal("northwind_games", raid.FromBroadcasterUserLogin);
        Assert.Equal("MossyKeyboard", mod.UserName);
        Assert.Equal("702341856", vip.UserId);
        Assert.Equal("Please keep links out of chat", warn.Reason);
        Assert.Equal(["No self-promotion or links"], warn.ChatRulesCited!);
        Assert.Equal("Quiet_Lantern", warn.ModeratorUserName);
        Assert.Equal("ashen_otter", ack.UserLogin);
    }

    [Fact]
    public void ModerationRecords()
    {
        var untimeout = Event("channel.moderate.json", Json.EventSubNotificationChannelModerateEvent);
        var ban = Event("more/channel.moderate.ban.json", Json.EventSubNotificationChannelModerateEvent);
        var timeout = Event("more/channel.moderate.timeout.json", Json.EventSubNotificationChannelModerateEvent);
        var unban = Event("more/channel.moderate.unban.json", Json.EventSubNotificationChannelModerateEvent);
        var legacyBan = Event("channel.ban.json", Json.EventSubNotificationChannelBanEvent);
        var legacyUnban = Event("channel.unban.json", Json.EventSubNotificationChannelUnbanEvent);

        Assert.Equal("untimeout", untimeout.Action);
        Assert.Equal("906612387", untimeout.Untimeout!.UserId);
        Assert.Null(untimeout.SourceBroadcasterUserId);
        Assert.Equal("Hate speech", ban.Ban!.Reason);
        Assert.Equal(31, timeout.Timeout!.ExpiresAt!.Value.Minute);
        Assert.Equal("Ashen_Otter", unban.Unban!.UserName);
        Assert.False(legacyBan.IsPermanent);
        Assert.Equal(TimeSpan.FromMinutes(10), legacyBan.EndsAt - legacyBan.BannedAt);
        Assert.Equal("Spamming links after a warning", legacyBan.Reason);
        Assert.Equal("quiet_lantern", legacyUnban.ModeratorUserLogin);
    }

    [Fact]
    public void MonetizationRecords()
    {
        var cheer = Event("channel.cheer.json", Json.EventSubNotificationChannelCheerEvent);
        var bits = Event("channel.bits.use.json", Json.EventSubNotificationChannelBitsUseEvent);
        var sub = Event("channel.subscribe.json", Json.EventSubNotificationChannelSubscriptionEvent);
        var end = Event("channel.subscription.end.json", Json.EventSubNotificationChannelSubscriptionEvent);
        var gift = Event("channel.subscription.gift.json", Json.EventSubNotificationChannelSubscriptionGiftEvent);
        var resub = Event("channel.subscription.message.json",
            Json.EventSubNotificationChannelSubscriptionMessageEvent);

        Assert.Equal(500, cheer.Bits);
        Assert.False(cheer.IsAnonymous);
        Assert.Equal(150, bits.Bits);
        Assert.Equal(100, bits.Message!.Fragments![0].Cheermote!.Bits);
        Assert.Null(bits.PowerUp);
        Assert.Equal("1000", sub.Tier);
        Assert.False(sub.IsGift);
        Assert.Equal("Ashen_Otter", end.UserName);
        Assert.Equal(5, gift.Total);
        Assert.Equal(37, gift.CumulativeTotal);
        Assert.Equal(6, resub.CumulativeMonths);
        Assert.Equal(3, resub.StreakMonths);
        Assert.Equal(26, resub.Message!.Emotes![0].End);
    }

    [Fact]
    public void RewardRecords()
    {
        var redemption = Event("channel.channel_points_custom_reward_redemption.add.json",
            Json.EventSubNotificationCustomRewardRedemptionEvent);
        var update = Event("channel.channel_points_custom_reward_redemption.update.json",
            Json.EventSubNotificationCustomRewardRedemptionEvent);
        var automatic = Event("channel.channel_points_automatic_reward_redemption.add.json",
            Json.EventSubNotificationAutomaticRewardRedemptionEvent);
        var added = Event("channel.channel_points_custom_reward.add.json", Json.EventSubNotificationCustomRewardEvent);
        var updated = Event("channel.channel_points_custom_reward.update.json",
            Json.EventSubNotificationCustomRewardEvent);
        var removed = Event("channel.channel_points_custom_reward.remove.json",
            Json.EventSubNotificationCustomRewardEvent);

        Assert.Equal("Hydrate!", redemption.Reward!.Title);
        Assert.Equal(500, redemption.Reward.Cost);
        Assert.Equal(string.Empty, redemption.UserInput);
        Assert.Equal("fulfilled", update.Status);
        Assert.Equal("send_highlighted_message", automatic.Reward!.Type);
        Assert.Equal(150, automatic.Reward.ChannelPoints);
        Assert.Equal("25", automatic.Message!.Fragments![1].Emote!.Id);
        Assert.Equal(300, added.GlobalCooldown!.Seconds);
        Assert.Null(added.Image);
        Assert.EndsWith("default-4.png", added.DefaultImage!.Url4X, StringComparison.Ordinal);
        Assert.Equal(750, updated.Cost);
        Assert.Equal(4, updated.RedemptionsRedeemedCurrentStream);
        Assert.False(removed.IsEnabled);
    }

    [Fact]
    public void EngagementRecords()
    {
        var poll = Event("channel.poll.end.json", Json.EventSubNotificationChannelPollEvent);
        var prediction = Event("channel.prediction.end.json", Json.EventSubNotificationChannelPredictionEvent);
        var locked = Event("channel.prediction.lock.json", Json.EventSubNotificationChannelPredictionEvent);
        var goal = Event("channel.goal.end.json", Json.EventSubNotificationChannelGoalEvent);
        var train = Event("channel.hype_train.begin.json", Json.EventSubNotificationChannelHypeTrainEvent);
        var trainEnd = Event("channel.hype_train.end.json", Json.EventSubNotificationChannelHypeTrainEvent);

        Assert.Equal("completed", poll.Status);
        Assert.Equal([112, 64, 15], poll.Choices!.Select(c => c.Votes));
        Assert.Equal(10, poll.ChannelPointsVoting!.AmountPerVote);
        Assert.Equal("1243456-yes", prediction.WinningOutcomeId);
        Assert.Equal(12000, prediction.Outcomes![0].TopPredictors![0].ChannelPointsWon);
        Assert.Null(locked.Outcomes![0].TopPredictors![0].ChannelPointsWon);
        Assert.Equal(15, locked.LockedAt!.Value.Minute);
        Assert.True(goal.IsAchieved);
        Assert.Equal(1004, goal.CurrentAmount);
        Assert.Equal(2200, train.Goal);
        Assert.Equal(23500, train.AllTimeHighTotal);
        Assert.Equal("subscription", train.TopContributions![1].Type);
        Assert.Null(trainEnd.Progress);
        Assert.Equal(9150, trainEnd.Total);
        Assert.Equal(22, trainEnd.CooldownEndsAt!.Value.Hour);
    }

    [Fact]
    public void StreamAndAccountRecords()
    {
        var online = Event("stream.online.json", Json.EventSubNotificationStreamOnlineEvent);
        var offline = Event("stream.offline.json", Json.EventSubNotificationStreamOfflineEvent);
        var update = Event("channel.update.json", Json.EventSubNotificationChannelUpdateEvent);
        var grant = Event("user.authorization.grant.json", Json.EventSubNotificationUserAuthorizationEvent);
        var revoke = Event("user.authorization.revoke.json", Json.EventSubNotificationUserAuthorizationEvent);
        var user = Event("user.update.json", Json.EventSubNotificationUserUpdateEvent);
        var shard = Event("conduit.shard.disabled.json", Json.EventSubNotificationConduitShardDisabledEvent);

        Assert.Equal("40812593917", online.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 18, 0, 3, TimeSpan.Zero), online.StartedAt);
        Assert.Equal("ember_hollow", offline.BroadcasterUserLogin);
        Assert.Equal("Just Chatting", update.CategoryName);
        Assert.Equal(["ProfanityVulgarity"], update.ContentClassificationLabels!);
        Assert.Equal("k3x9v2m8q1w7z5r0t4y6u8i2o1p3a5", grant.ClientId);
        Assert.Equal("583920147", revoke.UserId);
        Assert.True(user.EmailVerified);
        Assert.Equal("4", shard.ShardId);
        Assert.Equal("websocket_disconnected", shard.Status);
        Assert.Equal(47, shard.Transport!.DisconnectedAt!.Value.Minute);
    }
}
