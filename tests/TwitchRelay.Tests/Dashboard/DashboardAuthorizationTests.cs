using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>Every dashboard route, for an anonymous browser (sent to sign in), a signed-in user who does not manage
/// the guild in the URL (404, nothing changed), and a guild admin who edits another guild's ids into a form.</summary>
public sealed class DashboardAuthorizationTests
{
    private const string OtherChannel = DashboardWorld.OtherChannel;

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/guilds/{g}" },
        { "POST", "/guilds/{g}?handler=Link" },
        { "POST", "/guilds/{g}?handler=Relink" },
        { "POST", "/guilds/{g}?handler=AdminChannel" },
        { "POST", "/guilds/{g}?handler=Toggle" },
        { "GET", "/guilds/{g}/unlink" },
        { "POST", "/guilds/{g}/unlink" },
        { "GET", "/guilds/{g}/events/follow" },
        { "POST", "/guilds/{g}/events/follow?handler=Save" },
        { "POST", "/guilds/{g}/events/follow?handler=Preview" },
        { "POST", "/guilds/{g}/events/follow?handler=PreviewFragment" },
        { "POST", "/guilds/{g}/events/follow?handler=Test" },
        { "POST", "/guilds/{g}/events/follow?handler=Delete" },
        { "GET", "/guilds/{g}/activity" },
        { "POST", "/guilds/{g}/activity?handler=Resend" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnonymousIsSentToSignIn(string method, string route)
    {
        await using var world = await DashboardWorld.StartAsync();
        using var browser = world.Anonymous();

        using var response = await SendAsync(browser, method, route.Replace("{g}", TwitchWorld.GuildId,
            StringComparison.Ordinal), withToken: null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ServerListNeedsSignInToo()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var browser = world.Anonymous();

        using var response = await browser.Http.GetAsync("/servers", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task UserWhoDoesNotManageTheGuildGetsNotFoundAndChangesNothing(string method, string route)
    {
        await using var world = await DashboardWorld.StartAsync();
        var (ruleId, deliveryId) = await SeedOtherGuildAsync(world);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var token = await ada.AntiforgeryTokenAsync("/servers");

        // Ada is a member of the other guild without rights, and of a third one where the bot is not.
        foreach (var guild in new[] { DashboardWorld.OtherGuildId, DashboardWorld.MemberOnlyGuildId })
        {
            using var response = await SendAsync(ada, method, route.Replace("{g}", guild, StringComparison.Ordinal),
                token, ruleId, deliveryId);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound,
                $"{method} {route} in {guild}: {(int)response.StatusCode}");
        }

        await AssertOtherGuildUntouchedAsync(world, ruleId, deliveryId);
    }

    [Theory]
    [InlineData("/guilds/{g}?handler=Toggle")]
    [InlineData("/guilds/{g}/events/follow?handler=Save")]
    [InlineData("/guilds/{g}/events/follow?handler=Test")]
    [InlineData("/guilds/{g}/events/follow?handler=Delete")]
    [InlineData("/guilds/{g}/activity?handler=Resend")]
    public async Task AdminOfOneGuildCannotReachAnotherGuildsRowsThroughFormIds(string route)
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        var (ruleId, deliveryId) = await SeedOtherGuildAsync(world);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var token = await ada.AntiforgeryTokenAsync("/servers");

        // Her own guild in the URL, the other guild's rule or delivery id in the form.
        using var response = await SendAsync(ada, "POST", route.Replace("{g}", TwitchWorld.GuildId,
            StringComparison.Ordinal), token, ruleId, deliveryId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertOtherGuildUntouchedAsync(world, ruleId, deliveryId);
        Assert.Empty(world.Discord.MessagesIn(OtherChannel));
    }

    [Fact]
    public async Task OtherGuildsPagesDoNotLeakItsSettings()
    {
        await using var world = await DashboardWorld.StartAsync();
        await SeedOtherGuildAsync(world);
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        using var guild = await ada.Http.GetAsync($"/guilds/{DashboardWorld.OtherGuildId}", Ct);
        using var events = await ada.Http.GetAsync($"/guilds/{DashboardWorld.OtherGuildId}/events/follow", Ct);
        var body = await guild.Content.ReadAsStringAsync(Ct) + await events.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, guild.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.DoesNotContain(OtherChannel, body, StringComparison.Ordinal);
        Assert.DoesNotContain("{user} secret template", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPostWithoutAntiforgeryTokenIsRefused()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);

        using var response = await ada.Http.PostAsync($"/guilds/{TwitchWorld.GuildId}/unlink",
            new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = Db(world);
        Assert.True(await db.GuildLinks.AnyAsync(x => x.GuildId == TwitchWorld.GuildId, Ct));
    }

    private static async Task<HttpResponseMessage> SendAsync(
        DashboardClient client,
        string method,
        string path,
        string? withToken,
        long ruleId = 1,
        long deliveryId = 1)
    {
        if (method == "GET")
        {
            return await client.Http.GetAsync(path, Ct);
        }

        var form = new Dictionary<string, string>
        {
            ["ruleId"] = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RuleId"] = ruleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["deliveryId"] = deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["enabled"] = "false",
            ["Destination"] = "channel",
            ["ChannelId"] = OtherChannel,
            ["adminChannelId"] = OtherChannel,
            ["Template"] = "{user} changed by someone else",
        };
        if (withToken is not null)
        {
            form["__RequestVerificationToken"] = withToken;
        }

        return await client.Http.PostAsync(path, new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>The other guild: linked, one enabled rule with a template, one failed delivery.</summary>
    private static async Task<(long RuleId, long DeliveryId)> SeedOtherGuildAsync(DashboardWorld world)
    {
        await using var db = Db(world);
        db.GuildLinks.Add(new GuildLink
        {
            GuildId = DashboardWorld.OtherGuildId,
            BroadcasterId = "111111",
            AdminChannelId = OtherChannel,
        });
        var rule = new AlertRule
        {
            GuildId = DashboardWorld.OtherGuildId,
            EventKey = "follow",
            ChannelId = OtherChannel,
            Template = "{user} secret template",
        };
        db.AlertRules.Add(rule);
        var inbox = new InboxNotification
        {
            MessageId = "other-guild-1",
            MessageType = "notification",
            SubscriptionType = "channel.follow",
            SubscriptionVersion = "2",
            Body = "{}",
            ProcessedAt = DateTimeOffset.UtcNow,
        };
        db.Inbox.Add(inbox);
        await db.SaveChangesAsync(Ct);
        var delivery = new AlertDelivery
        {
            InboxId = inbox.Id,
            RuleId = rule.Id,
            GuildId = DashboardWorld.OtherGuildId,
            EventKey = "follow",
            LaneKey = rule.LaneKey,
            Body = "{\"content\":\"x\"}",
            Nonce = "n",
            Status = DeliveryStatus.Failed,
            LastError = "seeded failure",
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(Ct);
        return (rule.Id, delivery.Id);
    }

    private static async Task AssertOtherGuildUntouchedAsync(DashboardWorld world, long ruleId, long deliveryId)
    {
        await using var db = Db(world);
        var rule = await db.AlertRules.SingleAsync(x => x.Id == ruleId, Ct);
        Assert.True(rule.Enabled);
        Assert.Equal("{user} secret template", rule.Template);
        Assert.Equal(OtherChannel, rule.ChannelId);
        var delivery = await db.Deliveries.SingleAsync(x => x.Id == deliveryId, Ct);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Single(await db.Deliveries.Where(x => x.GuildId == DashboardWorld.OtherGuildId).ToListAsync(Ct));
        var link = await db.GuildLinks.SingleAsync(x => x.GuildId == DashboardWorld.OtherGuildId, Ct);
        Assert.Equal(OtherChannel, link.AdminChannelId);
        Assert.Empty(world.World.Twitch.Authorizations);
    }

    private static RelayDbContext Db(DashboardWorld world) =>
        world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
}
