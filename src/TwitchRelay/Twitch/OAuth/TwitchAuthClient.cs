using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Twitch.OAuth;

/// <summary>Twitch's OAuth endpoints on <see cref="TwitchOptions.AuthBaseUrl"/>: the authorize URL, code exchange,
/// refresh, app tokens, validation and revocation. https://dev.twitch.tv/docs/authentication/</summary>
/// <remarks>Throws <see cref="HttpRequestException"/> when Twitch cannot be reached, and
/// <see cref="InvalidOperationException"/> naming <c>Twitch:ClientId</c> or <c>Twitch:ClientSecret</c> when a call
/// needs a credential that is not configured.</remarks>
public sealed class TwitchAuthClient
{
    private readonly HttpClient http;
    private readonly IOptions<TwitchOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public TwitchAuthClient(
        HttpClient http,
        IOptions<TwitchOptions> options,
        TimeProvider time,
        ILogger<TwitchAuthClient> logger)
    {
        this.http = http;
        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The URL to send the streamer to. Scopes are space-separated and URL-encoded; add
    /// <paramref name="forceVerify"/> when re-linking, so Twitch shows the consent page again with new scopes.
    /// https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow</summary>
    public string BuildAuthorizeUrl(string redirectUri, IEnumerable<string> scopes, string state, bool forceVerify)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(redirectUri);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var clientId = TwitchCredentials.ClientId(options.Value);

        var url = new StringBuilder(Endpoint("authorize"))
            .Append("?response_type=code")
            .Append("&client_id=").Append(Uri.EscapeDataString(clientId))
            .Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri))
            .Append("&scope=").Append(Uri.EscapeDataString(string.Join(' ', scopes)))
            .Append("&state=").Append(Uri.EscapeDataString(state));
        if (forceVerify)
        {
            url.Append("&force_verify=true");
        }

        return url.ToString();
    }

    /// <summary>Exchanges the code from the authorize redirect. <paramref name="redirectUri"/> must be the one sent
    /// to /authorize.</summary>
    public Task<TwitchTokenResult> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(redirectUri);

        return RequestTokenAsync(
            "authorization_code",
            [KeyValuePair.Create("code", code), KeyValuePair.Create("redirect_uri", redirectUri)],
            ct);
    }

    /// <summary>Trades a refresh token for new tokens. Store both: the refresh token can change, and the old one
    /// may stop working. https://dev.twitch.tv/docs/authentication/refresh-tokens/</summary>
    public Task<TwitchTokenResult> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);

        return RequestTokenAsync("refresh_token", [KeyValuePair.Create("refresh_token", refreshToken)], ct);
    }

    /// <summary>An app access token (client credentials grant), for webhook and conduit subscriptions. It has no
    /// refresh token: fetch a new one when it expires.
    /// https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#client-credentials-grant-flow</summary>
    public Task<TwitchTokenResult> GetAppTokenAsync(CancellationToken ct) =>
        RequestTokenAsync("client_credentials", [], ct);

    /// <summary>Validates a token; null when Twitch answers 401 (the token is dead). Any other failure throws
    /// <see cref="HttpRequestException"/>: a Twitch outage says nothing about the token.
    /// https://dev.twitch.tv/docs/authentication/validate-tokens/</summary>
    public async Task<TwitchTokenValidation?> ValidateAsync(string accessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);

        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint("validate"));
        // The validate endpoint documents the "OAuth" scheme, not "Bearer".
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", accessToken);
        TwitchAuthLog.Sending(logger, "GET", "validate", "-");
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            TwitchAuthLog.Invalid(logger);
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            throw new HttpRequestException(
                $"Twitch /validate answered {status}: {TwitchErrorText.Read(body, status)}",
                null,
                response.StatusCode);
        }

        var validation = ReadValidation(body);
        TwitchAuthLog.Validated(
            logger,
            validation.UserId,
            validation.Scopes.Count,
            (long)validation.ExpiresIn.TotalSeconds);
        return validation;
    }

    /// <summary>Revokes a token. True on 200, and on 400 "Invalid token" (it is already dead); false otherwise,
    /// e.g. 404 when Twitch does not know the client id. https://dev.twitch.tv/docs/authentication/revoke-tokens/
    /// </summary>
    public async Task<bool> RevokeAsync(string accessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        var clientId = TwitchCredentials.ClientId(options.Value);

        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint("revoke"))
        {
            Content = Form([KeyValuePair.Create("client_id", clientId), KeyValuePair.Create("token", accessToken)]),
        };
        TwitchAuthLog.Sending(logger, "POST", "revoke", "-");
        using var response = await http.SendAsync(request, ct);
        var status = (int)response.StatusCode;
        var message = response.IsSuccessStatusCode
            ? "revoked"
            : TwitchErrorText.Read(await response.Content.ReadAsStringAsync(ct), status);

        if (status is 200 or 400)
        {
            TwitchAuthLog.Revoked(logger, status, message);
            return true;
        }

        TwitchAuthLog.RevokeFailed(logger, status, message);
        return false;
    }

    private async Task<TwitchTokenResult> RequestTokenAsync(
        string grantType,
        IEnumerable<KeyValuePair<string, string>> fields,
        CancellationToken ct)
    {
        var settings = options.Value;
        var form = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("client_id", TwitchCredentials.ClientId(settings)),
            KeyValuePair.Create("client_secret", TwitchCredentials.ClientSecret(settings)),
            KeyValuePair.Create("grant_type", grantType),
        };
        form.AddRange(fields);

        // Token requests are never retried (no resilience handler retries POSTs): a code is single-use and a
        // refresh token may rotate, so a repeat could fail or orphan the tokens of the first attempt.
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint("token")) { Content = Form(form) };
        TwitchAuthLog.Sending(logger, "POST", "token", grantType);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;

        if (!response.IsSuccessStatusCode)
        {
            var message = TwitchErrorText.Read(body, status);
            TwitchAuthLog.Refused(logger, grantType, status, message);
            return new TwitchTokenRefused(status, message);
        }

        var tokens = ReadTokens(body);
        if (tokens is null)
        {
            const string Unreadable = "Twitch answered without an access token";
            TwitchAuthLog.Refused(logger, grantType, status, Unreadable);
            return new TwitchTokenRefused(status, Unreadable);
        }

        TwitchAuthLog.Issued(
            logger,
            grantType,
            tokens.Scopes.Count,
            (long)(tokens.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        return new TwitchTokenIssued(tokens);
    }

    private TwitchTokens? ReadTokens(string body)
    {
        TokenBody? token;
        try
        {
            token = JsonSerializer.Deserialize(body, TwitchAuthJsonContext.Default.TokenBody);
        }
        catch (JsonException)
        {
            // Reported by the caller as a refusal that says the answer had no token; the body is not echoed.
            return null;
        }

        if (string.IsNullOrEmpty(token?.AccessToken))
        {
            return null;
        }

        return new TwitchTokens(
            token.AccessToken,
            string.IsNullOrEmpty(token.RefreshToken) ? null : token.RefreshToken,
            time.GetUtcNow().AddSeconds(token.ExpiresIn ?? 0),
            token.Scope ?? []);
    }

    private static TwitchTokenValidation ReadValidation(string body)
    {
        var validate = JsonSerializer.Deserialize(body, TwitchAuthJsonContext.Default.ValidateBody)
            ?? throw new HttpRequestException("Twitch /validate answered 200 with an empty body");

        return new TwitchTokenValidation(
            validate.ClientId ?? "",
            string.IsNullOrEmpty(validate.Login) ? null : validate.Login,
            string.IsNullOrEmpty(validate.UserId) ? null : validate.UserId,
            validate.Scopes ?? [],
            TimeSpan.FromSeconds(validate.ExpiresIn ?? 0));
    }

    // id.twitch.tv reads form bodies (application/x-www-form-urlencoded), not JSON.
    // https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/
    private static FormUrlEncodedContent Form(IEnumerable<KeyValuePair<string, string>> fields) => new(fields);

    private string Endpoint(string name) => options.Value.AuthBaseUrl.TrimEnd('/') + "/" + name;
}
