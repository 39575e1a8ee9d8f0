using Microsoft.EntityFrameworkCore;
using TwitchRelay.Alerts;
using TwitchRelay.Storage;
using TwitchRelay.Storage.Entities;
using TwitchRelay.Twitch.Helix;
using TwitchRelay.Twitch.OAuth;
using TwitchRelay.Twitch.Tokens;

namespace TwitchRelay.Twitch.Linking;

/// <summary>The authorization code flow that links a guild to a Twitch account, asking read-only scopes only
/// (catalog.json <c>scope_sets</c>). https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/</summary>
public sealed partial class LinkFlow(
    IDbContextFactory<RelayDbContext> contexts,
    TwitchAuthClient auth,
    TwitchHelixClient helix,
    AccountTokens tokens,
    LinkActivation activation,
    Unlinker unlinker,
    TimeProvider time,
    ILogger<LinkFlow> logger)
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Creates a single-use state bound to <paramref name="browserBinding"/> and returns the Twitch URL to
    /// send the browser to. A re-link forces Twitch's consent screen so new scopes can be granted.</summary>
    public async Task<string> StartAsync(
        string guildId,
        bool relink,
        string browserBinding,
        string redirectUri,
        CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.GuildLinks
            .Where(x => x.GuildId == guildId)
            .Join(db.TwitchAccounts, link => link.BroadcasterId, account => account.UserId, (_, account) => account)
            .SingleOrDefaultAsync(cancellationToken);
        var scopes = ScopeSets.For(account?.BroadcasterType ?? "");
        return await CreateRequestAsync(db, guildId, relink, upgrade: false, browserBinding, redirectUri, scopes,
            cancellationToken);
    }

    public async Task<LinkOutcome> CompleteAsync(CallbackQuery query, string? browserBinding, CancellationToken ct)
    {
        try
        {
            return await CompleteLinkAsync(query, browserBinding, ct);
        }
        catch (HttpRequestException exception)
        {
            LogTwitchUnreachable(exception);
            return new LinkRefused("Twitch could not be reached",
                "Nothing was linked. Try again in a moment with a new link.");
        }
    }

    private async Task<LinkOutcome> CompleteLinkAsync(CallbackQuery query, string? browserBinding, CancellationToken ct)
    {
        var request = await TakeRequestAsync(query.State, ct);
        if (request is null || request.ExpiresAt <= time.GetUtcNow())
        {
            return new LinkRefused("This link request has expired or was already used",
                "Nothing was linked. Start again from the link you were given.");
        }

        if (browserBinding is null || OneTimeSecrets.Hash(browserBinding) != request.BrowserBindingHash)
        {
            return new LinkRefused("This link request was started in another browser",
                "Nothing was linked. Open the link again in this browser.");
        }

        if (request.IsScopeUpgrade && (query.Error is not null || string.IsNullOrEmpty(query.Code)))
        {
            return new LinkRefused("The affiliate permissions were not granted",
                "The account stays linked with the regular permissions; bits, subscriptions, polls, predictions, "
                + "rewards, goals and hype trains need the affiliate ones (re-link to grant them).");
        }

        if (query.Error is not null || string.IsNullOrEmpty(query.Code))
        {
            return new LinkRefused("Twitch did not authorize the link",
                $"Nothing was linked. Twitch said: {query.ErrorDescription ?? query.Error ?? "no code was returned"}.");
        }

        if (await auth.ExchangeCodeAsync(query.Code, request.RedirectUri, ct) is not TwitchTokenIssued issued)
        {
            return new LinkRefused("Twitch refused the authorization code", "Nothing was linked. Start again.");
        }

        var me = await helix.GetCurrentUserAsync(issued.Tokens.AccessToken, ct);
        if (me is not HelixOk<TwitchUser?> { Value: { } user })
        {
            return new LinkRefused("Twitch did not say who you are", "Nothing was linked. Try again in a moment.");
        }

        var previousAccount = await StoreOnceMoreOnConflictAsync(request.GuildId, user, issued.Tokens, ct);
        if (previousAccount is not null)
        {
            // The guild moved to another Twitch account: the old one's tokens must not linger.
            await unlinker.ReleaseAccountIfUnusedAsync(previousAccount, ct);
        }

        LogLinked(user.Login, user.Id, request.GuildId, user.BroadcasterType);

        var monetized = user.BroadcasterType is "affiliate" or "partner";
        if (monetized && !request.IsScopeUpgrade && ScopeSets.AffiliateOrPartner.Except(issued.Tokens.Scopes).Any())
        {
            // The link works already with the regular scopes, whatever happens on the second trip.
            await activation.ActivateAsync(user.Id, ct);
            await using var db = contexts.CreateDbContext();
            var url = await CreateRequestAsync(db, request.GuildId, relink: true, upgrade: true, browserBinding,
                request.RedirectUri, ScopeSets.AffiliateOrPartner, ct);
            return new LinkNeedsAffiliateScopes(url);
        }

        var problems = await activation.ActivateAsync(user.Id, ct);
        return new Linked(request.GuildId, user.DisplayName, user.BroadcasterType,
            MissingEventKeys(user.BroadcasterType, issued.Tokens.Scopes), problems);
    }

    /// <summary>Event keys this account could use but whose scopes were not all granted.</summary>
    public static IReadOnlyList<string> MissingEventKeys(string broadcasterType, IReadOnlyList<string> granted)
    {
        var monetized = broadcasterType is "affiliate" or "partner";
        return EventCatalog.All
            .Where(x => monetized || !x.RequiresAffiliate)
            .Where(x => x.Scopes.Except(granted, StringComparer.Ordinal).Any())
            .Select(x => x.Key)
            .ToList();
    }

    private async Task<string> CreateRequestAsync(
        RelayDbContext db,
        string guildId,
        bool relink,
        bool upgrade,
        string browserBinding,
        string redirectUri,
        IEnumerable<string> scopes,
        CancellationToken cancellationToken)
    {
        var state = OneTimeSecrets.New();
        db.LinkRequests.Add(new LinkRequest
        {
            StateHash = OneTimeSecrets.Hash(state),
            GuildId = guildId,
            BrowserBindingHash = OneTimeSecrets.Hash(browserBinding),
            RedirectUri = redirectUri,
            IsRelink = relink,
            IsScopeUpgrade = upgrade,
            ExpiresAt = time.GetUtcNow() + StateLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return auth.BuildAuthorizeUrl(redirectUri, scopes, state, forceVerify: relink || upgrade);
    }

    /// <summary>Finds and deletes the request in one go: a state works once, whatever happens next.</summary>
    private async Task<LinkRequest?> TakeRequestAsync(string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 100)
        {
            return null;
        }

        await using var db = contexts.CreateDbContext();
        var request = await db.LinkRequests.FindAsync([OneTimeSecrets.Hash(state)], cancellationToken);
        if (request is not null)
        {
            db.LinkRequests.Remove(request);
            await db.SaveChangesAsync(cancellationToken);
        }

        return request;
    }

    /// <summary>Two callbacks for the same new guild or account (a double click, two tabs) can both find no row and
    /// both insert; the second insert then fails on the key. Reading again finds the first one's rows, which are
    /// updated like any re-link.</summary>
    private async Task<string?> StoreOnceMoreOnConflictAsync(
        string guildId,
        TwitchUser user,
        TwitchTokens issued,
        CancellationToken ct)
    {
        try
        {
            return await StoreAsync(guildId, user, issued, ct);
        }
        catch (DbUpdateException exception)
        {
            LogStoreConflict(guildId, exception);
            return await StoreAsync(guildId, user, issued, ct);
        }
    }

    /// <summary>Stores the account and the guild's link; returns the account the guild was linked to before, when
    /// that was another one.</summary>
    private async Task<string?> StoreAsync(string guildId, TwitchUser user, TwitchTokens issued, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.TwitchAccounts.FindAsync([user.Id], ct);
        if (account is null)
        {
            account = new TwitchAccount
            {
                UserId = user.Id,
                Login = user.Login,
                DisplayName = user.DisplayName,
                LinkedAt = time.GetUtcNow(),
            };
            db.TwitchAccounts.Add(account);
        }

        account.Login = user.Login;
        account.DisplayName = user.DisplayName;
        account.BroadcasterType = user.BroadcasterType;
        account.ProfileImageUrl = user.ProfileImageUrl;
        account.BrokenReason = null;
        account.BrokenAt = null;
        tokens.Store(account, issued);

        var link = await db.GuildLinks.FindAsync([guildId], ct);
        var previous = link is not null && link.BroadcasterId != user.Id ? link.BroadcasterId : null;
        if (link is null)
        {
            db.GuildLinks.Add(new GuildLink
            {
                GuildId = guildId,
                BroadcasterId = user.Id,
                CreatedAt = time.GetUtcNow(),
            });
        }
        else
        {
            link.BroadcasterId = user.Id;
        }

        await db.SaveChangesAsync(ct);
        return previous;
    }

    [LoggerMessage(EventId = 3732, Level = LogLevel.Information,
        Message = "Another link for guild {GuildId} was stored at the same moment; storing this one over it")]
    private partial void LogStoreConflict(string guildId, Exception exception);

    [LoggerMessage(EventId = 3731, Level = LogLevel.Warning, Message = "Twitch could not be reached to finish a link")]
    private partial void LogTwitchUnreachable(Exception exception);

    [LoggerMessage(EventId = 3730, Level = LogLevel.Information,
        Message = "Linked Twitch account {Login} ({AccountId}, type '{BroadcasterType}') to guild {GuildId}")]
    private partial void LogLinked(string login, string accountId, string guildId, string broadcasterType);
}

/// <summary>The query Twitch sends to the callback.</summary>
public sealed record CallbackQuery(string? Code, string? State, string? Error, string? ErrorDescription);
