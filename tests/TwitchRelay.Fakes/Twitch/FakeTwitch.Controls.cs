using System.Security.Cryptography;

namespace TwitchRelay.Fakes.Twitch;

/// <summary>What a test sets up and looks at: users, the signed-in user and their consent, tokens, grants and
/// subscriptions.</summary>
public sealed partial class FakeTwitch
{
    private const string TokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Dictionary<string, FakeTwitchUser> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTwitchAccessState> accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTwitchRefreshState> refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeTwitchCodeState> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> grants = new(StringComparer.Ordinal);
    private readonly List<FakeTwitchToken> issuedTokens = [];
    private readonly List<string> revokedTokens = [];
    private readonly List<FakeTwitchAuthorizeRequest> authorizations = [];
    private readonly List<FakeTwitchSubscription> subscriptions = [];
    private string? signedInUserId;
    private bool denyConsent;
    private IReadOnlyList<string>? grantOnly;

    /// <summary>Every token issued, in order (including ones since revoked or expired).</summary>
    public IReadOnlyList<FakeTwitchToken> IssuedTokens =>
        Locked(() => (IReadOnlyList<FakeTwitchToken>)[.. issuedTokens]);

    /// <summary>Access tokens revoked through POST /oauth2/revoke.</summary>
    public IReadOnlyList<string> RevokedTokens => Locked(() => (IReadOnlyList<string>)[.. revokedTokens]);

    /// <summary>Every visit to /oauth2/authorize, with its scopes, state and force_verify.</summary>
    public IReadOnlyList<FakeTwitchAuthorizeRequest> Authorizations =>
        Locked(() => (IReadOnlyList<FakeTwitchAuthorizeRequest>)[.. authorizations]);

    /// <summary>Every subscription with its current status, oldest first.</summary>
    public IReadOnlyList<FakeTwitchSubscription> Subscriptions =>
        Locked(() => (IReadOnlyList<FakeTwitchSubscription>)[.. subscriptions]);

    public IReadOnlyList<FakeTwitchUser> Users => Locked(() => (IReadOnlyList<FakeTwitchUser>)[.. users.Values]);

    public FakeTwitchUser AddUser(string id, string login, string displayName, string broadcasterType = "")
    {
        var user = new FakeTwitchUser(
            id,
            login.ToLowerInvariant(),
            displayName,
            broadcasterType,
            $"https://static-cdn.jtvnw.net/jtv_user_pictures/{login.ToLowerInvariant()}-profile_image-300x300.png");
        Change(() => users[id] = user);
        return user;
    }

    /// <summary>"", "affiliate" or "partner", as Get Users reports it.</summary>
    public void SetBroadcasterType(string userId, string broadcasterType) =>
        Change(() => users[userId] = RequireUser(userId) with { BroadcasterType = broadcasterType });

    /// <summary>The user who is signed in on the (fake) Twitch website and answers the consent page.</summary>
    public void SignInAs(string userId) =>
        Change(() =>
        {
            RequireUser(userId);
            signedInUserId = userId;
        });

    /// <summary>The consent page's "Cancel": /authorize redirects with error=access_denied until called with false.
    /// </summary>
    public void DenyConsent(bool deny = true) => Change(() => denyConsent = deny);

    /// <summary>The user grants only these of the requested scopes (null: all of them).</summary>
    public void GrantOnly(IEnumerable<string>? scopes) => Change(() => grantOnly = scopes?.ToList());

    /// <summary>The user disconnects the app (or changes their password): their access and refresh tokens die, and
    /// subscriptions that rely on their authorization get status <c>authorization_revoked</c>.
    /// https://dev.twitch.tv/docs/authentication/refresh-tokens/</summary>
    public void RevokeAuthorization(string userId) =>
        Change(() =>
        {
            foreach (var state in accessTokens.Values.Where(s => s.Token.UserId == userId))
            {
                state.Dead = true;
            }

            foreach (var state in refreshTokens.Values.Where(s => s.UserId == userId))
            {
                state.Dead = true;
            }

            grants.Remove(userId);
            for (var i = 0; i < subscriptions.Count; i++)
            {
                var subscription = subscriptions[i];
                if (subscription.IsActive && ReliesOn(subscription, userId))
                {
                    subscriptions[i] = subscription with { Status = "authorization_revoked" };
                }
            }
        });

    /// <summary>The token answers 401 from now on; the refresh token issued with it still works.</summary>
    public void ExpireAccessToken(string accessToken) =>
        Change(() =>
        {
            if (!accessTokens.TryGetValue(accessToken, out var state))
            {
                throw new ArgumentException("FakeTwitch did not issue this token.", nameof(accessToken));
            }

            state.Dead = true;
        });

    public void ExpireAccessTokensOf(string userId) =>
        Change(() =>
        {
            foreach (var state in accessTokens.Values.Where(s => s.Token.UserId == userId))
            {
                state.Dead = true;
            }
        });

    /// <summary>Issues a user token as if the user had gone through the link flow, and records the grant.</summary>
    public FakeTwitchToken IssueUserToken(string userId, IEnumerable<string> scopes) =>
        Locked(() =>
        {
            RequireUser(userId);
            var list = scopes.ToList();
            Grant(userId, list);
            var token = IssueUserTokenLocked(userId, list);
            SignalChanged();
            return token;
        });

    public FakeTwitchToken IssueAppToken() =>
        Locked(() =>
        {
            var token = IssueAppTokenLocked();
            SignalChanged();
            return token;
        });

    /// <summary>True while the access token would be accepted by Helix and /validate.</summary>
    public bool IsAccessTokenValid(string accessToken) =>
        Locked(() => accessTokens.TryGetValue(accessToken, out var s) && s.IsValidAt(time.GetUtcNow()));

    /// <summary>The scopes the user has granted this client so far (empty when none or revoked).</summary>
    public IReadOnlyList<string> GrantedScopes(string userId) =>
        Locked(() => grants.TryGetValue(userId, out var set) ? (IReadOnlyList<string>)[.. set] : []);

    /// <summary>Seeds a subscription as if created earlier, e.g. a stale, old-version or duplicate one. No rule is
    /// checked. For a WebSocket one, <paramref name="ownerUserId"/> defaults to the broadcaster in the condition.
    /// </summary>
    public FakeTwitchSubscription AddSubscription(
        string type,
        string version,
        IReadOnlyDictionary<string, string> condition,
        string transportMethod = "webhook",
        string status = "enabled",
        string? callback = null,
        string? sessionId = null,
        string? ownerUserId = null,
        int cost = 0,
        DateTimeOffset? createdAt = null)
    {
        var isWebSocket = transportMethod == "websocket";
        var subscription = new FakeTwitchSubscription(
            Guid.NewGuid().ToString(),
            status,
            type,
            version,
            new Dictionary<string, string>(condition, StringComparer.Ordinal),
            transportMethod,
            isWebSocket ? null : callback ?? "https://relay.example.com/eventsub",
            isWebSocket ? null : "seeded-secret-0123456789",
            isWebSocket ? sessionId ?? "seeded-session" : null,
            isWebSocket ? ownerUserId ?? AuthorizingUser(condition) : null,
            cost,
            createdAt ?? time.GetUtcNow());
        Change(() => subscriptions.Add(subscription));
        return subscription;
    }

    /// <summary>Sets a subscription's status, e.g. <c>enabled</c> once a webhook challenge would have passed.
    /// </summary>
    public void SetSubscriptionStatus(string subscriptionId, string status) =>
        Change(() =>
        {
            var index = subscriptions.FindIndex(s => s.Id == subscriptionId);
            if (index < 0)
            {
                throw new ArgumentException("No such subscription.", nameof(subscriptionId));
            }

            subscriptions[index] = subscriptions[index] with { Status = status };
        });

    /// <summary>A WebSocket session ended: its subscriptions get status <c>websocket_disconnected</c>.
    /// https://dev.twitch.tv/docs/eventsub/handling-websocket-events/</summary>
    public void DisconnectWebSocketSession(string sessionId) =>
        Change(() =>
        {
            for (var i = 0; i < subscriptions.Count; i++)
            {
                if (subscriptions[i].SessionId == sessionId && subscriptions[i].IsActive)
                {
                    subscriptions[i] = subscriptions[i] with { Status = "websocket_disconnected" };
                }
            }
        });

    private FakeTwitchToken IssueUserTokenLocked(string userId, IReadOnlyList<string> scopes)
    {
        var now = time.GetUtcNow();
        var token = new FakeTwitchToken(NewToken(), NewToken(), userId, scopes, now, now + UserTokenLifetime);
        accessTokens[token.AccessToken] = new FakeTwitchAccessState(token);
        refreshTokens[token.RefreshToken!] = new FakeTwitchRefreshState(userId, scopes);
        issuedTokens.Add(token);
        return token;
    }

    private FakeTwitchToken IssueAppTokenLocked()
    {
        var now = time.GetUtcNow();
        var token = new FakeTwitchToken(NewToken(), null, null, [], now, now + AppTokenLifetime);
        accessTokens[token.AccessToken] = new FakeTwitchAccessState(token);
        issuedTokens.Add(token);
        return token;
    }

    private void Grant(string userId, IEnumerable<string> scopes)
    {
        if (!grants.TryGetValue(userId, out var set))
        {
            grants[userId] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.UnionWith(scopes);
    }

    private FakeTwitchUser RequireUser(string userId) =>
        users.TryGetValue(userId, out var user)
            ? user
            : throw new ArgumentException($"FakeTwitch has no user {userId}; call AddUser first.", nameof(userId));

    private static string NewToken() => RandomNumberGenerator.GetString(TokenAlphabet, 30);

    private void Change(Action change)
    {
        lock (gate)
        {
            change();
            SignalChanged();
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }
}
