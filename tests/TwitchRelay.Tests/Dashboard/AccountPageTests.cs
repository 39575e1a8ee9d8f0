using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>A member's own account page: their Twitch connection, ended the way <c>/twitch disconnect</c> ends it.
/// The member is whoever signed in; no form field names anyone.</summary>
public sealed class AccountPageTests
{
    private const string Tier1Role = "920000000000000011";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnonymousIsSentToSignIn()
    {
        await using var world = await DashboardWorld.StartAsync();
        using var browser = world.Anonymous();

        using var response = await browser.Http.GetAsync("/account", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberDisconnectsTheirOwnTwitchAccountAndLosesTheRolesGivenForIt()
    {
        // Arrange: two members connected; the signed-in one holds a subscriber role the service gave.
        await using var world = await DashboardWorld.StartAsync();
        var guild = world.Discord.Guild(TwitchWorld.GuildId);
        guild.AddRole(Tier1Role, "Tier 1", position: 0).AddMember(DashboardWorld.AdminId, Tier1Role);
        await using (var db = Db(world))
        {
            db.MemberLinks.AddRange(
                Link(DashboardWorld.AdminId, "771234099", "ada_streams"),
                Link(DashboardWorld.OtherAdminId, "771234098", "mallory_tv"));
            db.SubscriberRoleGrants.Add(new SubscriberRoleGrant
            {
                GuildId = TwitchWorld.GuildId,
                DiscordUserId = DashboardWorld.AdminId,
                RoleId = Tier1Role,
                TwitchUserId = "771234099",
            });
            await db.SaveChangesAsync(Ct);
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var before = await ada.GetPageAsync("/account");

        // Act
        using var disconnect = await ada.PostFormAsync("/account", "/account?handler=Disconnect");
        var after = WebUtility.HtmlDecode(await ada.GetPageAsync(disconnect.Headers.Location!.OriginalString));

        // Assert: her connection and role are gone; the other member's connection is untouched.
        Assert.Contains("ada_streams", before, StringComparison.Ordinal);
        Assert.DoesNotContain("mallory_tv", before, StringComparison.Ordinal);
        Assert.Contains("Disconnected: 1 subscriber role(s) TwitchRelay gave you were taken back.", after,
            StringComparison.Ordinal);
        Assert.Empty(guild.RolesOf(DashboardWorld.AdminId)!);
        await using var check = Db(world);
        Assert.Equal(
            [DashboardWorld.OtherAdminId],
            await check.MemberLinks.Select(x => x.DiscordUserId).ToListAsync(Ct));
        Assert.False(await check.SubscriberRoleGrants.AnyAsync(Ct));
    }

    private static MemberLink Link(string discordUserId, string twitchUserId, string login) => new()
    {
        DiscordUserId = discordUserId,
        TwitchUserId = twitchUserId,
        TwitchLogin = login,
        TwitchDisplayName = login,
        GuildId = TwitchWorld.GuildId,
    };

    private static RelayDbContext Db(DashboardWorld world) =>
        world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>().CreateDbContext();
}
