using System.Net;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Tests.EndToEnd;

namespace TwitchRelay.Tests.Dashboard;

/// <summary>The guild page says when the link is broken and why, and its Re-Link starts Twitch's consent again for
/// the same guild, bound to this browser.</summary>
public sealed class LinkHealthPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BrokenLinkShowsWhyAndReLinkGoesToTwitchConsent()
    {
        await using var world = await DashboardWorld.StartAsync();
        await world.World.LinkInBrowserAsync();
        await using (var db = world.World.Host.Services.GetRequiredService<IDbContextFactory<RelayDbContext>>()
            .CreateDbContext())
        {
            var account = await db.TwitchAccounts.SingleAsync(Ct);
            account.BrokenReason = "Twitch refused the refresh token (invalid_grant)";
            account.BrokenAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(Ct);
        }

        using var ada = await world.SignInAsync(DashboardWorld.AdminId);
        var page = WebUtility.HtmlDecode(await ada.GetPageAsync($"/guilds/{TwitchWorld.GuildId}"));
        var path = $"/guilds/{TwitchWorld.GuildId}";
        using var relink = await ada.PostFormAsync(path, path + "?handler=Relink");

        Assert.Contains("Broken since", page, StringComparison.Ordinal);
        Assert.Contains("Twitch refused the refresh token (invalid_grant)", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Re-Link", StringComparison.Ordinal) < page.IndexOf("Un-Link",
            StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.SeeOther, relink.StatusCode);
        Assert.StartsWith(world.World.Twitch.AuthBaseUrl, relink.Headers.Location!.ToString(),
            StringComparison.Ordinal);
        Assert.Contains("force_verify=true", relink.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(relink.Headers.GetValues("Set-Cookie"),
            x => x.StartsWith("twitchrelay_link=", StringComparison.Ordinal));
    }
}
