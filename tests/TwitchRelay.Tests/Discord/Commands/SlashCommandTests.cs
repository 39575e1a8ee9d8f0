using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TwitchRelay.Discord.Commands;

namespace TwitchRelay.Tests.Discord.Commands;

public sealed class SlashCommandTests
{
    [Fact]
    public async Task CommandsAreRegisteredGloballyByBulkOverwriteAtReady()
    {
        // Arrange + Act
        await using var world = await CommandWorld.StartAsync();
        await world.Discord.WaitUntilAsync(d => d.Commands() is not null);

        // Assert: one /twitch command, guild-only, with the five subcommands; the test event autocompletes.
        var command = Assert.Single(world.Discord.Commands()!)!.AsObject();
        Assert.Equal("twitch", command["name"]!.GetValue<string>());
        Assert.Equal(1, command["type"]!.GetValue<int>());
        Assert.Equal([0], command["contexts"]!.AsArray().Select(c => c!.GetValue<int>()));
        var subs = command["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>());
        Assert.Equal(["status", "test", "link", "connect", "disconnect"], subs);
        var eventOption = command["options"]![1]!["options"]![0]!;
        Assert.True(eventOption["required"]!.GetValue<bool>());
        Assert.True(eventOption["autocomplete"]!.GetValue<bool>());
        var put = Assert.Single(world.Discord.Requests, r => r.Method == "PUT");
        Assert.Equal($"/api/v10/applications/{world.Discord.ApplicationId}/commands", put.Path);
        Assert.Equal(200, put.Status);
        Assert.Null(world.Discord.Commands(CommandWorld.GuildId));
    }

    [Fact]
    public async Task ADevelopmentGuildGetsTheCommandsInsteadOfTheWholeApplication()
    {
        // Arrange + Act
        await using var world = await CommandWorld.StartAsync(
            settings => settings.With("Discord:CommandGuildId", CommandWorld.GuildId));
        await world.Discord.WaitUntilAsync(d => d.Commands(CommandWorld.GuildId) is not null);

        // Assert
        Assert.Null(world.Discord.Commands());
        Assert.Contains(world.Discord.Requests, r => r.Method == "PUT"
            && r.Path.EndsWith($"/guilds/{CommandWorld.GuildId}/commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusShowsTheLinkTheEnabledEventsAndTheLastAlertPrivatelyToAnAdmin()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow", "raid"));

        // Act
        var answer = await world.RunAsync("status");

        // Assert
        Assert.Equal(4, answer.CallbackType);
        Assert.True(answer.Ephemeral);
        Assert.Contains("broadcaster 583920147, not linked yet", answer.Content, StringComparison.Ordinal);
        Assert.Contains("**Enabled alerts (2):** follow, raid", answer.Content, StringComparison.Ordinal);
        Assert.Contains("**Last alert:** none yet", answer.Content, StringComparison.Ordinal);
        Assert.Contains("**Bot:** online in 1 server(s)", answer.Content, StringComparison.Ordinal);
        Assert.Empty(CommandWorld.AllowedMentions(answer.Shown!)["parse"]!.AsArray());
    }

    [Theory]
    [InlineData("status")]
    [InlineData("test")]
    [InlineData("link")]
    public async Task AdminCommandsRefuseAMemberWithoutManageServer(string subcommand)
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow"));

        // Act
        var answer = await world.RunAsync(
            subcommand,
            CommandWorld.MemberPermissions,
            CommandWorld.Member,
            new Dictionary<string, string> { ["event"] = "follow" });

        // Assert
        Assert.True(answer.Ephemeral);
        Assert.Equal(
            $"Only members with Manage Server or Administrator can use /twitch {subcommand}.",
            answer.Content);
        Assert.Empty(world.Discord.Messages);
    }

    [Fact]
    public async Task AdministratorAloneIsEnoughForAdminCommands()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow"));

        // Act: Administrator (1 << 3) without Manage Server.
        var answer = await world.RunAsync("status", permissions: 1UL << 3);

        // Assert
        Assert.StartsWith("**Twitch:**", answer.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestPostsASampleAlertThroughTheDeliveryPipelineWithoutPingingTheRole()
    {
        // Arrange: the follow rule pings the live role.
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow"));

        // Act
        var answer = await world.RunAsync("test", options: new Dictionary<string, string> { ["event"] = "follow" });
        await world.Discord.WaitForMessagesAsync(1);

        // Assert: the answer names the channel; the alert went out as the sender posts, with no role mention.
        Assert.Equal(
            $"Sent a test follow alert to <#{CommandWorld.AlertsChannel}>, with sample data and no one pinged.",
            answer.Content);
        var message = Assert.Single(world.Discord.MessagesIn(CommandWorld.AlertsChannel));
        Assert.Contains("Pixel", message.EmbedsJson + message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(CommandWorld.LiveRole, message.Content ?? "", StringComparison.Ordinal);
        var post = Assert.Single(world.Discord.Requests, r => r.Method == "POST" && r.Path.EndsWith("/messages"));
        var mentions = JsonNode.Parse(post.Body)!["allowed_mentions"]!;
        Assert.Empty(mentions["parse"]!.AsArray());
        Assert.True(mentions["roles"] is null || mentions["roles"]!.AsArray().Count == 0);
        Assert.NotNull(JsonNode.Parse(post.Body)!["nonce"]);

        // The status now shows it as the last alert.
        var status = await world.RunAsync("status");
        Assert.Contains("**Last alert:** follow", status.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestAlertFromTheCommandIsShownAsATestInTheDashboardsActivity()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow"));

        // Act
        await world.RunAsync("test", options: new Dictionary<string, string> { ["event"] = "follow" });
        await world.Discord.WaitForMessagesAsync(1);

        // Assert: the dashboard lists it as a test, and today's event counts do not include it.
        var activity = world.Host.Services.GetRequiredService<TwitchRelay.Dashboard.Guilds.GuildActivity>();
        var ct = TestContext.Current.CancellationToken;
        var row = Assert.Single(await activity.LatestDeliveriesAsync(CommandWorld.GuildId, ct));
        Assert.Equal("follow", row.EventKey);
        Assert.True(row.IsTest);
        Assert.Empty(await activity.EventsTodayAsync(CommandWorld.GuildId, ct));
    }

    [Fact]
    public async Task TestWithAnUnknownEventSaysSoWithTheTypedTextDefused()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow"));

        // Act
        var answer = await world.RunAsync(
            "test",
            options: new Dictionary<string, string> { ["event"] = "@everyone *folow*" });

        // Assert
        Assert.StartsWith(
            "There is no event \"@\u200Beveryone \\*folow\\*\"",
            answer.Content,
            StringComparison.Ordinal);
        Assert.Empty(CommandWorld.AllowedMentions(answer.Shown!)["parse"]!.AsArray());
        Assert.Empty(world.Discord.Messages);
    }

    [Fact]
    public async Task TestWithoutARuleForTheEventSaysHowToAddOne()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(rulesJson: CommandWorld.Rules("follow"));

        // Act
        var answer = await world.RunAsync("test", options: new Dictionary<string, string> { ["event"] = "raid" });

        // Assert
        Assert.StartsWith("No enabled alert rule for raid in this server", answer.Content, StringComparison.Ordinal);
        Assert.Contains($"/guilds/{CommandWorld.GuildId}/events/raid>", answer.Content, StringComparison.Ordinal);
        Assert.Empty(world.Discord.Messages);
    }

    [Fact]
    public async Task EventAutocompleteOffersMatchingKeys()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync();

        // Act
        var answer = await world.AutocompleteAsync("sub");

        // Assert
        Assert.Equal(8, answer.CallbackType);
        var choices = answer.Data!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(choices);
        Assert.All(choices, c => Assert.Contains("sub", c, StringComparison.Ordinal));
        Assert.Contains("subscription.new", choices);
    }

    [Fact]
    public async Task LinkGivesTheGuildsDashboardPageUnderThePublicUrl()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync(
            settings => settings.With("PublicUrl", "https://relay.example/"));

        // Act
        var answer = await world.RunAsync("link");

        // Assert
        Assert.True(answer.Ephemeral);
        Assert.Contains($"<https://relay.example/guilds/{CommandWorld.GuildId}>", answer.Content,
            StringComparison.Ordinal);
        Assert.DoesNotContain("PublicUrl", answer.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkWithoutAPublicUrlGivesTheListeningAddressAndSaysSo()
    {
        // Arrange
        await using var world = await CommandWorld.StartAsync();

        // Act
        var answer = await world.RunAsync("link");

        // Assert: the test host listens on 127.0.0.1 with a port picked at start.
        Assert.Matches($@"<http://127\.0\.0\.1:\d+/guilds/{CommandWorld.GuildId}>", answer.Content);
        Assert.Contains("no `PublicUrl`", answer.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowWorkIsDeferredThenTheOriginalAnswerIsEdited()
    {
        // Arrange: every answer counts as slow.
        await using var world = await CommandWorld.StartAsync(
            services: services => services.AddSingleton(new InteractionTuning { DeferAfter = TimeSpan.Zero }),
            rulesJson: CommandWorld.Rules("follow"));

        // Act
        var answer = await world.RunAsync("status");

        // Assert: type 5 with the ephemeral flag first, then the text through PATCH @original.
        Assert.Equal(5, answer.CallbackType);
        Assert.True(answer.Ephemeral);
        var edit = Assert.Single(answer.Edits);
        Assert.StartsWith("**Twitch:**", edit["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
        var patch = Assert.Single(world.Discord.Requests, r => r.Method == "PATCH");
        Assert.EndsWith("/messages/@original", patch.Path, StringComparison.Ordinal);
        Assert.Null(patch.Header("Authorization"));
    }
}
