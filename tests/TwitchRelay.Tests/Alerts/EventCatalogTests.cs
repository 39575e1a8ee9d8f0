using TwitchRelay.Alerts;

namespace TwitchRelay.Tests.Alerts;

public sealed class EventCatalogTests
{
    private static readonly string[] ProductKeys =
    [
        "follow", "raid", "moderator.add", "moderator.remove", "ban", "timeout", "unban", "timeout.remove",
        "warning.send", "warning.acknowledge", "cheer", "poll.begin", "poll.progress", "poll.end",
        "prediction.begin", "prediction.progress", "prediction.lock", "prediction.end", "redemption",
        "subscription.new", "subscription.gift", "subscription.end", "subscription.message", "goal.begin",
        "goal.progress", "goal.end", "hype_train.begin", "hype_train.progress", "hype_train.end", "vip.add",
        "vip.remove", "stream.online", "stream.offline", "channel.update",
    ];

    [Fact]
    public void EveryProductKeyHasExactlyOneDefinition()
    {
        var keys = EventCatalog.All.Select(d => d.Key).ToList();

        Assert.Equal(ProductKeys.Order(), keys.Order());
        Assert.All(ProductKeys, k => Assert.Equal(k, EventCatalog.Find(k)!.Key));
        Assert.Null(EventCatalog.Find("unfollow"));
    }

    [Fact]
    public void AffiliateOnlyKeysAreMonetizationEngagementAndVip()
    {
        string[] prefixes = ["cheer", "poll.", "prediction.", "redemption", "subscription.", "goal.", "hype_train.",
            "vip."];

        var affiliate = EventCatalog.All.Where(d => d.RequiresAffiliate).Select(d => d.Key);

        var expected = ProductKeys.Where(k => prefixes.Any(k.StartsWith));
        Assert.Equal(expected.Order(), affiliate.Order());
        Assert.Equal(21, affiliate.Count());
    }

    [Fact]
    public void SubscriptionsForDedupesChannelModerateAcrossTheFourModerationKeys()
    {
        var types = EventCatalog.SubscriptionsFor(["ban", "timeout", "unban", "timeout.remove", "follow"]);

        Assert.Equal([new EventSubType("channel.moderate", "2"), new EventSubType("channel.follow", "2")], types);
    }

    [Fact]
    public void RedemptionNeedsCustomAndAutomaticRewardSubscriptions()
    {
        var types = EventCatalog.SubscriptionsFor(["redemption"]);

        Assert.Equal(
            [
                new EventSubType("channel.channel_points_custom_reward_redemption.add", "1"),
                new EventSubType("channel.channel_points_automatic_reward_redemption.add", "2"),
            ],
            types);
    }

    [Theory]
    [InlineData("follow", "channel.follow", "2")]
    [InlineData("hype_train.progress", "channel.hype_train.progress", "2")]
    [InlineData("channel.update", "channel.update", "2")]
    [InlineData("timeout.remove", "channel.moderate", "2")]
    [InlineData("subscription.new", "channel.subscribe", "1")]
    public void KeysUseTheCurrentEventSubVersions(string key, string type, string version)
    {
        var definition = EventCatalog.Find(key)!;

        Assert.Equal(type, definition.SubscriptionType);
        Assert.Equal(version, definition.SubscriptionVersion);
    }

    [Fact]
    public void ChannelModerateKeysNeedAllEightReadScopes()
    {
        var scopes = EventCatalog.Find("ban")!.Scopes;

        Assert.Equal(8, scopes.Count);
        Assert.Contains("moderator:read:warnings", scopes);
        Assert.Contains("moderator:read:vips", scopes);
        Assert.All(scopes, s => Assert.Contains(":read:", s, StringComparison.Ordinal));
    }

    [Fact]
    public void ScopeSetsMatchTheCatalogAndEveryKeyScopeIsInTheAffiliateSet()
    {
        var needed = EventCatalog.ScopesFor(ProductKeys);

        Assert.Equal(11, ScopeSets.Regular.Count);
        Assert.Equal(18, ScopeSets.AffiliateOrPartner.Count);
        Assert.Equal(needed.Order(), ScopeSets.AffiliateOrPartner.Order());
        Assert.Same(ScopeSets.Regular, ScopeSets.For(""));
        Assert.Same(ScopeSets.AffiliateOrPartner, ScopeSets.For("partner"));
    }

    [Fact]
    public void NonAffiliateKeysNeedOnlyRegularScopes()
    {
        var keys = EventCatalog.All.Where(d => !d.RequiresAffiliate).Select(d => d.Key);

        var scopes = EventCatalog.ScopesFor(keys);

        Assert.All(scopes, s => Assert.Contains(s, ScopeSets.Regular));
    }

    [Fact]
    public void SubscriptionsForRejectsUnknownKeys()
    {
        var error = Assert.Throws<ArgumentException>(() => EventCatalog.SubscriptionsFor(["follow", "unfollow"]));

        Assert.Contains("unfollow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKeyOffersTheCommonPlaceholders()
    {
        Assert.All(EventCatalog.All, d => Assert.Equal(
            ["broadcaster", "broadcaster_login", "channel_url", "event"],
            d.Placeholders.Take(4)));
    }

    [Fact]
    public void CategoryColoursDiffer()
    {
        var colours = Enum.GetValues<EventCategory>().Select(c => c.Color()).ToList();

        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.Equal(0x9146FF, EventCategory.Community.Color());
    }
}
