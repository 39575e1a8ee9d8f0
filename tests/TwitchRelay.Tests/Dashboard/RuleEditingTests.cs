using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>Saving a rule from the dashboard over plain HTTP forms (no JavaScript): the import's checks, in place.
/// </summary>
public sealed class RuleEditingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownPlaceholderIsRefusedWithTheImportsMessage()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/raid";

        using var response = await ada.PostFormAsync(path, path + "?handler=Save", Rule("{user} brings {viewerz}"));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("template: Unknown placeholder '{viewerz}' for raid", page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.False(await db.AlertRules.AnyAsync(Ct));
    }

    [Fact]
    public async Task AffiliateEventIsRefusedForARegularAccountEvenWhenPostedByHand()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/cheer";

        var shown = Regex.Replace(WebUtility.HtmlDecode(await ada.GetPageAsync(path)), @"\s+", " ");
        using var response = await ada.PostFormAsync($"/guilds/{TwitchWorld.GuildId}", path + "?handler=Save",
            Rule(null));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("needs an affiliate or partner account, and Ember_Hollow is a regular account", shown,
            StringComparison.Ordinal);
        Assert.Contains("event: \"cheer\" needs an affiliate or partner account; ember_hollow is a regular account",
            page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.False(await db.AlertRules.AnyAsync(Ct));
    }

    [Fact]
    public async Task PreviewWithoutJavaScriptRendersThePostedTemplateAndSavesNothing()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/raid";

        using var response = await ada.PostFormAsync(path, path + "?handler=Preview",
            Rule("Raid alert: {viewers} viewers!"));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        Assert.Contains("Raid alert: ", page, StringComparison.Ordinal);
        Assert.Contains("viewers!", page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.False(await db.AlertRules.AnyAsync(Ct));
    }

    [Fact]
    public async Task SavingAnImportedRuleKeepsItsIdAndItsDeliveryHistory()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        await world.World.LinkInBrowserAsync();
        long ruleId;
        await using (var db = Db(world))
        {
            ruleId = (await db.AlertRules.SingleAsync(Ct)).Id;
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/follow";
        using var test = await ada.PostFormAsync(path, path + "?handler=Test",
            new Dictionary<string, string> { ["ruleId"] = $"{ruleId}" });
        var fields = Rule("{user} is new here");
        fields["RuleId"] = $"{ruleId}";
        using var save = await ada.PostFormAsync(path, path + "?handler=Save", fields);

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var after = Db(world);
        var rule = await after.AlertRules.SingleAsync(Ct);
        Assert.Equal(ruleId, rule.Id);
        Assert.Equal("{user} is new here", rule.Template);
        Assert.Single(await after.Deliveries.Where(x => x.RuleId == ruleId).ToListAsync(Ct));
    }

    [Fact]
    public async Task AdminChannelMustBeOneOfTheGuildsTextChannels()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.ImportRulesAsync("follow");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}";

        using var foreign = await ada.PostFormAsync(path, path + "?handler=AdminChannel",
            new Dictionary<string, string> { ["adminChannelId"] = DashboardWorld.OtherChannel });
        var refused = await foreign.Content.ReadAsStringAsync(Ct);
        using var own = await ada.PostFormAsync(path, path + "?handler=AdminChannel",
            new Dictionary<string, string> { ["adminChannelId"] = DashboardWorld.NoEmbedsChannel });

        Assert.Contains("Pick one of this server&#x27;s text channels.", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        await using var db = Db(world);
        Assert.Equal(DashboardWorld.NoEmbedsChannel, (await db.GuildLinks.SingleAsync(Ct)).AdminChannelId);
    }

    [Fact]
    public async Task SwitchedOffRuleCannotPointAtAnotherServersChannelAndSoSendsNoTestThere()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/raid";
        var fields = Rule("words the other server did not ask for");
        fields["Enabled"] = "false";
        fields["ChannelId"] = DashboardWorld.OtherChannel;

        using var save = await ada.PostFormAsync(path, path + "?handler=Save", fields);
        var page = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync(Ct));

        // A switched-off rule skips the permission check, but never the check that the channel is this server's:
        // otherwise "Send test alert" would post the admin's text into a server they do not manage.
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("That channel is not one of this server's text channels.", page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.False(await db.AlertRules.AnyAsync(Ct));
    }

    [Fact]
    public async Task WebhookDiscordDoesNotKnowIsRefusedBeforeSaving()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        var url = world.Discord.AddWebhook("930000000000000001", "secret-webhook-token-123", "910000000000000050");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/raid";

        // The URL copied without the token's last characters: the shape is right, Discord answers 10015.
        using var save = await ada.PostFormAsync(path, path + "?handler=Save", new Dictionary<string, string>
        {
            ["Enabled"] = "true",
            ["Destination"] = "webhook",
            ["WebhookUrl"] = url[..^3],
        });
        var page = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("Discord does not know this webhook", page, StringComparison.Ordinal);
        Assert.Contains(world.Discord.Requests, r => r.Method == "GET" && r.Path.Contains("/webhooks/"));
        await using var db = Db(world);
        Assert.False(await db.AlertRules.AnyAsync(Ct));
    }

    [Fact]
    public async Task WebhookRuleKeepsItsTokenOffThePageAndItsTestAlertPostsThroughTheWebhook()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        var url = world.Discord.AddWebhook("930000000000000001", "secret-webhook-token-123", "910000000000000050");
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/raid";

        using var save = await ada.PostFormAsync(path, path + "?handler=Save", new Dictionary<string, string>
        {
            ["Enabled"] = "true",
            ["Destination"] = "webhook",
            ["WebhookUrl"] = url,
            ["Roles"] = DashboardWorld.LiveRoleId,
        });
        var page = await ada.GetPageAsync(path);
        long ruleId;
        await using (var db = Db(world))
        {
            ruleId = (await db.AlertRules.SingleAsync(Ct)).Id;
        }

        using var test = await ada.PostFormAsync(path, path + "?handler=Test",
            new Dictionary<string, string> { ["ruleId"] = $"{ruleId}" });
        await world.Discord.WaitUntilAsync(d => d.MessagesIn("910000000000000050").Count == 1,
            TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.DoesNotContain("secret-webhook-token-123", page, StringComparison.Ordinal);
        Assert.Contains("saved webhook (paste a new URL to replace it)", page, StringComparison.Ordinal);
        var message = Assert.Single(world.Discord.MessagesIn("910000000000000050"));
        Assert.Equal("930000000000000001", message.WebhookId);
        Assert.DoesNotContain("<@&", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamOnlineRuleKeepsTheChosenOfflineActionAndAnEditChangesIt()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/stream.online";
        var fields = Rule(null);
        fields["OfflineAction"] = "delete";

        using var create = await ada.PostFormAsync(path, path + "?handler=Save", fields);
        long ruleId;
        string? createdAction;
        await using (var db = Db(world))
        {
            var created = await db.AlertRules.SingleAsync(Ct);
            (ruleId, createdAction) = (created.Id, created.OfflineAction);
        }

        var shown = await ada.GetPageAsync(path);
        fields["RuleId"] = $"{ruleId}";
        fields["OfflineAction"] = "message";
        using var edit = await ada.PostFormAsync(path, path + "?handler=Save", fields);
        var (_, export, _) = await world.World.CliAsync("config", "export");

        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.Equal("delete", createdAction);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("<option value=\"delete\" selected=\"selected\">is deleted</option>", shown,
            StringComparison.Ordinal);
        await using var after = Db(world);
        var rule = await after.AlertRules.SingleAsync(Ct);
        Assert.Equal(ruleId, rule.Id);
        Assert.Equal("message", rule.OfflineAction);
        Assert.Contains("\"offlineAction\": \"message\"", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineActionPostedForAnotherEventIsIgnored()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var path = $"/guilds/{TwitchWorld.GuildId}/events/raid";
        var fields = Rule(null);
        fields["OfflineAction"] = "delete";

        using var save = await ada.PostFormAsync(path, path + "?handler=Save", fields);
        var page = await ada.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.DoesNotContain("name=\"OfflineAction\"", page, StringComparison.Ordinal);
        await using var db = Db(world);
        Assert.Null((await db.AlertRules.SingleAsync(Ct)).OfflineAction);
    }

    private static Dictionary<string, string> Rule(string? template)
    {
        var fields = new Dictionary<string, string>
        {
            ["Enabled"] = "true",
            ["Destination"] = "channel",
            ["ChannelId"] = TwitchWorld.AlertsChannel,
        };
        if (template is not null)
        {
            fields["Template"] = template;
        }

        return fields;
    }

    private static RelayDbContext Db(DashboardWorld world) =>
        world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
}
