namespace TwitchRelay.Alerts;

/// <summary>Made-up event bodies (ids and names as in the shared samples), one per event key.</summary>
internal static class SampleBodies
{
    public sealed record Sample(string Type, string Version, string Event);

    public static readonly Dictionary<string, Sample> ByKey = new(StringComparer.Ordinal)
    {
        [EventKeys.Follow] = new("channel.follow", "2", """
            {"user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "followed_at": "2026-11-28T19:04:11Z" }
            """),
        [EventKeys.Raid] = new("channel.raid", "1", """
            {"from_broadcaster_user_id": "315577420", "from_broadcaster_user_login": "northwind_games",
            "from_broadcaster_user_name": "NorthwindGames", "to_broadcaster_user_id": "583920147",
            "to_broadcaster_user_login": "ember_hollow", "to_broadcaster_user_name": "Ember_Hollow",
            "viewers": 142 }
            """),
        [EventKeys.ModeratorAdd] = new("channel.moderator.add", "1", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer" }
            """),
        [EventKeys.ModeratorRemove] = new("channel.moderator.remove", "1", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer" }
            """),
        [EventKeys.Ban] = new("channel.moderate", "2", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "moderator_user_id": "488211973",
            "moderator_user_login": "quiet_lantern", "moderator_user_name": "Quiet_Lantern", "action": "ban",
            "ban": {"user_id": "906612387", "user_login": "ashen_otter", "user_name": "Ashen_Otter",
            "reason": "Spamming links" } }
            """),
        [EventKeys.Timeout] = new("channel.moderate", "2", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "moderator_user_id": "488211973",
            "moderator_user_login": "quiet_lantern", "moderator_user_name": "Quiet_Lantern",
            "action": "timeout", "timeout": {"user_id": "906612387", "user_login": "ashen_otter",
            "user_name": "Ashen_Otter", "reason": "Spamming links", "expires_at": "2026-11-28T19:31:07Z" } }
            """),
        [EventKeys.Unban] = new("channel.moderate", "2", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "moderator_user_id": "488211973",
            "moderator_user_login": "quiet_lantern", "moderator_user_name": "Quiet_Lantern", "action": "unban",
            "unban": {"user_id": "906612387", "user_login": "ashen_otter", "user_name": "Ashen_Otter" } }
            """),
        [EventKeys.TimeoutRemove] = new("channel.moderate", "2", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "moderator_user_id": "488211973",
            "moderator_user_login": "quiet_lantern", "moderator_user_name": "Quiet_Lantern",
            "action": "untimeout", "untimeout": {"user_id": "906612387", "user_login": "ashen_otter",
            "user_name": "Ashen_Otter" } }
            """),
        [EventKeys.WarningSend] = new("channel.warning.send", "1", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "moderator_user_id": "488211973",
            "moderator_user_login": "quiet_lantern", "moderator_user_name": "Quiet_Lantern",
            "user_id": "906612387", "user_login": "ashen_otter", "user_name": "Ashen_Otter",
            "reason": "Please keep links out of chat", "chat_rules_cited": ["No self-promotion or links" ] }
            """),
        [EventKeys.WarningAcknowledge] = new("channel.warning.acknowledge", "1", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "user_id": "906612387", "user_login": "ashen_otter",
            "user_name": "Ashen_Otter" }
            """),
        [EventKeys.Cheer] = new("channel.cheer", "1", """
            {"is_anonymous": false, "user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer", "broadcaster_user_id": "583920147",
            "broadcaster_user_login": "ember_hollow", "broadcaster_user_name": "Ember_Hollow",
            "message": "Cheer500 what a clutch!", "bits": 500 }
            """),
        [EventKeys.PollBegin] = new("channel.poll.begin", "1", """
            {"id": "sample-poll", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "title": "Which boss do we fight next?", "choices": [{
            "id": "c1", "title": "The Ashen King" }, {"id": "c2", "title": "Hollow Warden" } ],
            "started_at": "2026-11-28T19:20:00Z", "ends_at": "2026-11-28T19:22:00Z" }
            """),
        [EventKeys.PollProgress] = new("channel.poll.progress", "1", """
            {"id": "sample-poll", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "title": "Which boss do we fight next?", "choices": [{
            "id": "c1", "title": "The Ashen King", "votes": 57 }, {"id": "c2", "title": "Hollow Warden",
            "votes": 31 }, {"id": "c3", "title": "Skip, farm first", "votes": 9 } ] }
            """),
        [EventKeys.PollEnd] = new("channel.poll.end", "1", """
            {"id": "sample-poll", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "title": "Which boss do we fight next?", "choices": [{
            "id": "c1", "title": "The Ashen King", "votes": 57 }, {"id": "c2", "title": "Hollow Warden",
            "votes": 31 }, {"id": "c3", "title": "Skip, farm first", "votes": 9 } ], "status": "completed",
            "ended_at": "2026-11-28T19:22:00Z" }
            """),
        [EventKeys.PredictionBegin] = new("channel.prediction.begin", "1", """
            {"id": "sample-prediction", "broadcaster_user_id": "583920147",
            "broadcaster_user_login": "ember_hollow", "broadcaster_user_name": "Ember_Hollow",
            "title": "Do we beat the Ashen King first try?", "outcomes": [{"id": "yes",
            "title": "Yes, first try" }, {"id": "no", "title": "No way" } ],
            "started_at": "2026-11-28T19:20:00Z", "locks_at": "2026-11-28T19:25:00Z" }
            """),
        [EventKeys.PredictionProgress] = new("channel.prediction.progress", "1", """
            {"id": "sample-prediction", "broadcaster_user_id": "583920147",
            "broadcaster_user_login": "ember_hollow", "broadcaster_user_name": "Ember_Hollow",
            "title": "Do we beat the Ashen King first try?", "outcomes": [{"id": "yes",
            "title": "Yes, first try", "color": "blue", "users": 14, "channel_points": 16000,
            "top_predictors": [{"user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer", "channel_points_won": 12000, "channel_points_used": 5000 } ] }, {
            "id": "no", "title": "No way", "color": "pink", "users": 9, "channel_points": 13200 } ] }
            """),
        [EventKeys.PredictionLock] = new("channel.prediction.lock", "1", """
            {"id": "sample-prediction", "broadcaster_user_id": "583920147",
            "broadcaster_user_login": "ember_hollow", "broadcaster_user_name": "Ember_Hollow",
            "title": "Do we beat the Ashen King first try?", "outcomes": [{"id": "yes",
            "title": "Yes, first try", "color": "blue", "users": 14, "channel_points": 16000,
            "top_predictors": [{"user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer", "channel_points_won": 12000, "channel_points_used": 5000 } ] }, {
            "id": "no", "title": "No way", "color": "pink", "users": 9, "channel_points": 13200 } ],
            "locked_at": "2026-11-28T19:25:00Z" }
            """),
        [EventKeys.PredictionEnd] = new("channel.prediction.end", "1", """
            {"id": "sample-prediction", "broadcaster_user_id": "583920147",
            "broadcaster_user_login": "ember_hollow", "broadcaster_user_name": "Ember_Hollow",
            "title": "Do we beat the Ashen King first try?", "winning_outcome_id": "yes", "outcomes": [{
            "id": "yes", "title": "Yes, first try", "color": "blue", "users": 14, "channel_points": 16000,
            "top_predictors": [{"user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer", "channel_points_won": 12000, "channel_points_used": 5000 } ] }, {
            "id": "no", "title": "No way", "color": "pink", "users": 9, "channel_points": 13200 } ],
            "status": "resolved", "ended_at": "2026-11-28T19:40:00Z" }
            """),
        [EventKeys.Redemption] = new("channel.channel_points_custom_reward_redemption.add", "1", """
            {"id": "sample-redemption", "broadcaster_user_id": "583920147",
            "broadcaster_user_login": "ember_hollow", "broadcaster_user_name": "Ember_Hollow",
            "user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "user_input": "", "status": "unfulfilled", "reward": {"id": "r1", "title": "Hydrate!", "cost": 500,
            "prompt": "Make the streamer drink water" }, "redeemed_at": "2026-11-28T19:21:00Z" }
            """),
        [EventKeys.SubscriptionNew] = new("channel.subscribe", "1", """
            {"user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "tier": "1000", "is_gift": false }
            """),
        [EventKeys.SubscriptionGift] = new("channel.subscription.gift", "1", """
            {"user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "total": 5, "tier": "1000", "cumulative_total": 37,
            "is_anonymous": false }
            """),
        [EventKeys.SubscriptionEnd] = new("channel.subscription.end", "1", """
            {"user_id": "906612387", "user_login": "ashen_otter", "user_name": "Ashen_Otter",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "tier": "1000", "is_gift": false }
            """),
        [EventKeys.SubscriptionMessage] = new("channel.subscription.message", "1", """
            {"user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "tier": "2000", "message": {
            "text": "Six months already, see you tonight" }, "cumulative_months": 6, "streak_months": 3,
            "duration_months": 1 }
            """),
        [EventKeys.GoalBegin] = new("channel.goal.begin", "1", """
            {"id": "sample-goal", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "follow", "description": "Road to 1,000 followers",
            "current_amount": 812, "target_amount": 1000, "started_at": "2026-11-01T17:16:03Z" }
            """),
        [EventKeys.GoalProgress] = new("channel.goal.progress", "1", """
            {"id": "sample-goal", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "follow", "description": "Road to 1,000 followers",
            "current_amount": 913, "target_amount": 1000 }
            """),
        [EventKeys.GoalEnd] = new("channel.goal.end", "1", """
            {"id": "sample-goal", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "follow", "description": "Road to 1,000 followers",
            "is_achieved": true, "current_amount": 1004, "target_amount": 1000,
            "ended_at": "2026-11-28T19:21:00Z" }
            """),
        [EventKeys.HypeTrainBegin] = new("channel.hype_train.begin", "2", """
            {"id": "sample-train", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "regular", "level": 1, "total": 1500,
            "progress": 1500, "goal": 2200, "top_contributions": [{"user_id": "702341856",
            "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer", "type": "bits", "total": 1500 } ],
            "is_shared_train": false, "started_at": "2026-11-28T19:20:00Z", "expires_at": "2026-11-28T19:25:00Z"
            }
            """),
        [EventKeys.HypeTrainProgress] = new("channel.hype_train.progress", "2", """
            {"id": "sample-train", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "regular", "level": 2, "total": 3700,
            "progress": 1500, "goal": 2600, "top_contributions": [{"user_id": "702341856",
            "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer", "type": "bits", "total": 1500 } ],
            "is_shared_train": false, "expires_at": "2026-11-28T19:27:00Z" }
            """),
        [EventKeys.HypeTrainEnd] = new("channel.hype_train.end", "2", """
            {"id": "sample-train", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "regular", "level": 3, "total": 9150,
            "top_contributions": [{"user_id": "702341856", "user_login": "pixel_wanderer",
            "user_name": "Pixel_Wanderer", "type": "bits", "total": 1500 } ], "is_shared_train": false,
            "ended_at": "2026-11-28T19:30:00Z", "cooldown_ends_at": "2026-11-28T20:30:00Z" }
            """),
        [EventKeys.VipAdd] = new("channel.vip.add", "1", """
            {"user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow" }
            """),
        [EventKeys.VipRemove] = new("channel.vip.remove", "1", """
            {"user_id": "702341856", "user_login": "pixel_wanderer", "user_name": "Pixel_Wanderer",
            "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow" }
            """),
        [EventKeys.StreamOnline] = new("stream.online", "1", """
            {"id": "40812593917", "broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "type": "live", "started_at": "2026-11-28T18:00:03Z" }
            """),
        [EventKeys.StreamOffline] = new("stream.offline", "1", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow" }
            """),
        [EventKeys.ChannelUpdate] = new("channel.update", "2", """
            {"broadcaster_user_id": "583920147", "broadcaster_user_login": "ember_hollow",
            "broadcaster_user_name": "Ember_Hollow", "title": "Blind run, day 3", "language": "en",
            "category_id": "509658", "category_name": "Just Chatting", "content_classification_labels": [] }
            """),
    };
}
