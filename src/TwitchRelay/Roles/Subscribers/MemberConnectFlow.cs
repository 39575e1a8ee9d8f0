using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.Linking;
using TwitchRelay.Twitch.OAuth;

namespace TwitchRelay.Roles.Subscribers;

/// <summary>The outcome of a member's connect, shown on a page.</summary>
internal sealed record MemberConnectOutcome(bool Connected, string Title, string Explanation);

/// <summary>Connects a Discord member to their own Twitch account: a one-time ticket from <c>/twitch connect</c>,
/// a confirmation page whose button uses it up, Twitch OAuth with no scopes (identity only), Get Users with the
/// member's token, and the mapping stored. The token is revoked at once: nothing of the member's is kept but ids.
/// https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow</summary>
internal sealed partial class MemberConnectFlow(
    IDbContextFactory<RelayDbContext> contexts,
    TwitchAuthClient auth,
    TwitchHelixClient helix,
    SubscriberReconcileRequests reconcile,
    TimeProvider time,
    ILogger<MemberConnectFlow> logger)
{
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Issues a ticket for <paramref name="discordUserId"/>; returns the ticket to put in the link.</summary>
    public async Task<string> IssueTicketAsync(string guildId, string discordUserId, CancellationToken ct)
    {
        var ticket = OneTimeSecrets.New();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await db.MemberConnectRequests.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        db.MemberConnectRequests.Add(new MemberConnectRequest
        {
            Hash = OneTimeSecrets.Hash(ticket),
            DiscordUserId = discordUserId,
            GuildId = guildId,
            ExpiresAt = now + TicketLifetime,
        });
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    public async Task<bool> IsValidTicketAsync(string? ticket, CancellationToken ct) =>
        await FindAsync(ticket, isState: false, remove: false, ct) is not null;

    /// <summary>Uses up the ticket and returns the Twitch URL to send the browser to, or null when the ticket is
    /// unknown, used or expired.</summary>
    public async Task<string?> StartAsync(
        string? ticket,
        string browserBinding,
        string redirectUri,
        CancellationToken ct)
    {
        var request = await FindAsync(ticket, isState: false, remove: true, ct);
        if (request is null)
        {
            return null;
        }

        var state = OneTimeSecrets.New();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.MemberConnectRequests.Add(new MemberConnectRequest
        {
            Hash = OneTimeSecrets.Hash(state),
            IsState = true,
            DiscordUserId = request.DiscordUserId,
            GuildId = request.GuildId,
            BrowserBindingHash = OneTimeSecrets.Hash(browserBinding),
            RedirectUri = redirectUri,
            ExpiresAt = time.GetUtcNow() + TicketLifetime,
        });
        await db.SaveChangesAsync(ct);

        // No scopes: identity only. https://dev.twitch.tv/docs/authentication/scopes/
        return auth.BuildAuthorizeUrl(redirectUri, [], state, forceVerify: false);
    }

    public async Task<MemberConnectOutcome> CompleteAsync(
        string? code,
        string? state,
        string? error,
        string? browserBinding,
        CancellationToken ct)
    {
        var request = await FindAsync(state, isState: true, remove: true, ct);
        if (request is null)
        {
            return Refused("This connect request has expired or was already used",
                "Nothing was connected. Use /twitch connect in Discord again.");
        }

        if (browserBinding is null || OneTimeSecrets.Hash(browserBinding) != request.BrowserBindingHash)
        {
            return Refused("This connect request was started in another browser",
                "Nothing was connected. Open the link again in this browser.");
        }

        if (error is not null || string.IsNullOrEmpty(code))
        {
            return Refused("Twitch did not authorize the connection", "Nothing was connected.");
        }

        try
        {
            if (await auth.ExchangeCodeAsync(code, request.RedirectUri!, ct) is not TwitchTokenIssued issued)
            {
                return Refused("Twitch refused the authorization code", "Nothing was connected. Start again.");
            }

            var me = await helix.GetCurrentUserAsync(issued.Tokens.AccessToken, ct);
            await auth.RevokeAsync(issued.Tokens.AccessToken, ct);
            if (me is not HelixOk<TwitchUser?> { Value: { } user })
            {
                return Refused("Twitch did not say who you are", "Nothing was connected. Try again in a moment.");
            }

            await StoreAsync(request, user, ct);
            LogConnected(request.DiscordUserId, user.Id, request.GuildId);

            // A member who is subscribed already gets the role from the reconcile pass this asks for.
            reconcile.Signal.Notify();
            return new MemberConnectOutcome(true, "Twitch account connected",
                $"Your Discord account is now connected to {user.DisplayName} on Twitch. Your subscriber roles "
                + "follow your subscriptions. Use /twitch disconnect to undo. You can close this page.");
        }
        catch (HttpRequestException exception)
        {
            LogTwitchUnreachable(exception);
            return Refused("Twitch could not be reached", "Nothing was connected. Try again in a moment.");
        }
    }

    /// <summary>Removes the member's mapping; returns it, or null when there was none.</summary>
    private async Task StoreAsync(MemberConnectRequest request, TwitchUser user, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var link = await db.MemberLinks.FindAsync([request.DiscordUserId], ct);
        if (link is null)
        {
            link = new MemberLink
            {
                DiscordUserId = request.DiscordUserId,
                TwitchUserId = user.Id,
                TwitchLogin = user.Login,
                TwitchDisplayName = user.DisplayName,
            };
            db.MemberLinks.Add(link);
        }

        link.TwitchUserId = user.Id;
        link.TwitchLogin = user.Login;
        link.TwitchDisplayName = user.DisplayName;
        link.GuildId = request.GuildId;
        link.LinkedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private async Task<MemberConnectRequest?> FindAsync(string? secret, bool isState, bool remove, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.MemberConnectRequests.FindAsync([OneTimeSecrets.Hash(secret)], ct);
        if (found is null || found.IsState != isState)
        {
            return null;
        }

        if (remove)
        {
            db.MemberConnectRequests.Remove(found);
            await db.SaveChangesAsync(ct);
        }

        return found.ExpiresAt > time.GetUtcNow() ? found : null;
    }

    private static MemberConnectOutcome Refused(string title, string explanation) => new(false, title, explanation);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information,
        Message = "Discord user {DiscordUserId} connected Twitch user {TwitchUserId} (from guild {GuildId})")]
    private partial void LogConnected(string discordUserId, string twitchUserId, string guildId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "Twitch could not be reached while connecting a member")]
    private partial void LogTwitchUnreachable(Exception exception);
}
