using TwitchRelay.Discord;
using TwitchRelay.Discord.Guilds;
using TwitchRelay.Fakes.Discord;

namespace TwitchRelay.Tests.Discord;

public sealed class DiscordGuildClientTests
{
    private const string GuildId = "400000000000000001";
    private const string OwnerId = "500000000000000001";
    private const string MemberId = "500000000000000002";
    private const string LiveRoleId = "600000000000000001";
    private const string ModRoleId = "600000000000000002";
    private const string AlertsChannelId = "400000000000000010";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsTheGuildItsRolesChannelsAndAMember()
    {
        await using var host = await DiscordTestHost.StartAsync();
        AddServer(host.Fake);

        var guild = Ok<DiscordGuild>(await host.Guilds.GetGuildAsync(GuildId, Ct));
        var roles = Ok<IReadOnlyList<DiscordRole>>(await host.Guilds.GetRolesAsync(GuildId, Ct));
        var channels = Ok<IReadOnlyList<DiscordChannel>>(await host.Guilds.GetChannelsAsync(GuildId, Ct));
        var member = Ok<DiscordMember>(await host.Guilds.GetMemberAsync(GuildId, MemberId, Ct));

        Assert.Equal(OwnerId, guild.OwnerId);
        Assert.Contains(guild.Roles, r => r.Id == GuildId && r.Name == "@everyone");
        var live = Assert.Single(roles, r => r.Id == LiveRoleId);
        Assert.Equal(2, live.Position);
        Assert.False(live.Managed);
        var channel = Assert.Single(channels);
        Assert.Equal(("alerts", true), (channel.Name, channel.IsTextLike));
        Assert.Equal([ModRoleId], member.Roles);
        var request = host.Fake.Requests.Last();
        Assert.Equal($"/api/v10/guilds/{GuildId}/members/{MemberId}", request.Path);
        Assert.Equal($"Bot {DiscordTestHost.BotToken}", request.Header("Authorization"));
    }

    [Fact]
    public async Task AddsAndRemovesAMemberRoleWithAnAuditLogReason()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var guild = AddServer(host.Fake);

        var added = await host.Guilds.AddMemberRoleAsync(GuildId, MemberId, LiveRoleId, "Went live: ünïcode", Ct);
        var rolesAfterAdd = guild.RolesOf(MemberId);
        var removed = await host.Guilds.RemoveMemberRoleAsync(GuildId, MemberId, LiveRoleId, "Stream ended", Ct);

        Assert.IsType<DiscordDone>(added);
        Assert.Contains(LiveRoleId, rolesAfterAdd!);
        Assert.IsType<DiscordDone>(removed);
        Assert.DoesNotContain(LiveRoleId, guild.RolesOf(MemberId)!);
        var put = host.Fake.Requests.Single(r => r.Method == "PUT");
        Assert.Equal($"/api/v10/guilds/{GuildId}/members/{MemberId}/roles/{LiveRoleId}", put.Path);
        Assert.Equal(Uri.EscapeDataString("Went live: ünïcode"), put.Header("X-Audit-Log-Reason"));
    }

    [Fact]
    public async Task ARoleAboveTheBotsHighestRoleIsRefusedWithMissingPermissionsAndAReadableReason()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var guild = AddServer(host.Fake);
        guild.SetRolePosition(LiveRoleId, 5);

        var result = await host.Guilds.AddMemberRoleAsync(GuildId, MemberId, LiveRoleId, "live", Ct);

        var failed = Assert.IsType<DiscordFailed>(result);
        Assert.True(failed.IsMissingPermissions);
        Assert.Equal(403, failed.HttpStatus);
        Assert.Contains($"give role {LiveRoleId} to member {MemberId}", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("Manage Roles", failed.Reason, StringComparison.Ordinal);
        Assert.Null(guild.RolesOf(MemberId)!.FirstOrDefault(r => r == LiveRoleId));
    }

    [Fact]
    public async Task AMemberWhoLeftAndADeletedRoleAreNamedByTheirCodes()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var guild = AddServer(host.Fake);

        guild.RemoveMember(MemberId);
        var left = Assert.IsType<DiscordFailed>(
            await host.Guilds.AddMemberRoleAsync(GuildId, MemberId, LiveRoleId, "live", Ct));
        var read = Assert.IsType<DiscordFailed>(await host.Guilds.GetMemberAsync(GuildId, MemberId, Ct));
        guild.AddMember(MemberId).RemoveRole(LiveRoleId);
        var deleted = Assert.IsType<DiscordFailed>(
            await host.Guilds.AddMemberRoleAsync(GuildId, MemberId, LiveRoleId, "live", Ct));

        Assert.True(left.IsUnknownMember);
        Assert.True(read.IsUnknownMember);
        Assert.True(deleted.IsUnknownRole);
        Assert.False(deleted.IsUnknownMember);
        Assert.Contains("the role was deleted", deleted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotGuildsAreReadPageByPage()
    {
        await using var host = await DiscordTestHost.StartAsync();
        for (var i = 0; i < 201; i++)
        {
            var id = 400000000000001000 + i;
            host.Fake.AddGuild(id.ToString(System.Globalization.CultureInfo.InvariantCulture), OwnerId);
        }

        host.Fake.Guild("400000000000001005").RemoveMember(host.Fake.BotUserId);

        var guilds = Ok<IReadOnlyList<DiscordPartialGuild>>(await host.Guilds.GetBotGuildsAsync(Ct));

        Assert.Equal(200, guilds.Count);
        Assert.DoesNotContain(guilds, g => g.Id == "400000000000001005");
        Assert.Equal(2, host.Fake.Requests.Count(r => r.Path == "/api/v10/users/@me/guilds"));
        Assert.Equal("?limit=200&after=400000000000001200", host.Fake.Requests[^1].Query);
    }

    [Fact]
    public async Task TheBotsUserIsReadOnceAndItsMemberGivesItsRoles()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var guild = AddServer(host.Fake);

        var first = Ok<DiscordMember>(await host.Guilds.GetBotMemberAsync(GuildId, Ct));
        var second = Ok<DiscordMember>(await host.Guilds.GetBotMemberAsync(GuildId, Ct));

        Assert.Equal([guild.BotRoleId], first.Roles);
        Assert.Equal(first.Roles, second.Roles);
        Assert.Single(host.Fake.Requests, r => r.Path == "/api/v10/users/@me");
    }

    [Fact]
    public async Task PermissionsAndRoleChecksAgreeWithWhatTheFakeEnforces()
    {
        await using var host = await DiscordTestHost.StartAsync();
        var guild = AddServer(host.Fake);
        guild.AddTextChannel(
            "400000000000000011",
            "hidden",
            new FakeOverwrite(GuildId, 0, 0, 1UL << 10));
        guild.AddTextChannel(
            "400000000000000012",
            "read-only",
            new FakeOverwrite(GuildId, 0, 0, 1UL << 11),
            new FakeOverwrite(host.Fake.BotUserId, 1, 1UL << 11, 0));
        guild.AddTextChannel(
            "400000000000000013",
            "no-bot-send",
            new FakeOverwrite(guild.BotRoleId, 0, 0, 1UL << 11));

        var server = Ok<DiscordGuild>(await host.Guilds.GetGuildAsync(GuildId, Ct));
        var bot = Ok<DiscordMember>(await host.Guilds.GetBotMemberAsync(GuildId, Ct));
        var channels = Ok<IReadOnlyList<DiscordChannel>>(await host.Guilds.GetChannelsAsync(GuildId, Ct));
        var missing = channels.ToDictionary(
            c => c.Name!,
            c => DiscordPermissions.Missing(
                DiscordPermissions.InChannel(server, bot, host.Fake.BotUserId, c),
                DiscordPermissions.ToPostAlerts));

        Assert.Empty(missing["alerts"]);
        Assert.Equal(["View Channel", "Send Messages", "Embed Links"], missing["hidden"]);
        Assert.Empty(missing["read-only"]);
        Assert.Equal(["Send Messages"], missing["no-bot-send"]);
        Assert.Null(DiscordRoleCheck.Problem(server, bot, host.Fake.BotUserId, LiveRoleId));
        Assert.Contains("managed", DiscordRoleCheck.Problem(server, bot, host.Fake.BotUserId, guild.BotRoleId));
        guild.SetRolePosition(LiveRoleId, 9);
        var raised = Ok<DiscordGuild>(await host.Guilds.GetGuildAsync(GuildId, Ct));
        Assert.Contains("not below the bot's highest role", DiscordRoleCheck.Problem(
            raised,
            bot,
            host.Fake.BotUserId,
            LiveRoleId));

        // What the check predicts is what Discord (the fake) does.
        var hidden = await PostAsync(host, "400000000000000011");
        var readOnly = await PostAsync(host, "400000000000000012");
        var noSend = await PostAsync(host, "400000000000000013");
        Assert.Equal(50001, Assert.IsType<DiscordFailed>(hidden).DiscordCode);
        Assert.IsType<DiscordDelivered>(readOnly);
        Assert.True(Assert.IsType<DiscordFailed>(noSend).IsMissingPermissions);
    }

    private static FakeGuild AddServer(FakeDiscord fake)
    {
        var guild = fake.AddGuild(GuildId, OwnerId);
        guild.AddRole(LiveRoleId, "Live now", 2, mentionable: true);
        guild.AddRole(ModRoleId, "Mods", 3);

        // The bot's managed role sits at 1; put it at the top so it can manage the live role.
        guild.SetRolePosition(guild.BotRoleId, 4);
        guild.AddMember(MemberId, ModRoleId);
        guild.AddTextChannel(AlertsChannelId, "alerts");
        return guild;
    }

    private static Task<DiscordResult> PostAsync(DiscordTestHost host, string channelId) =>
        host.Client.CreateMessageAsync(new ChannelTarget(channelId), """{"content":"x"}""", null, Ct);

    private static T Ok<T>(DiscordResult result) => Assert.IsType<DiscordOk<T>>(result).Value;
}
