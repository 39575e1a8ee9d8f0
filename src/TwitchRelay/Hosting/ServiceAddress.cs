using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TwitchRelay.Hosting;

/// <summary>The address written into Discord messages that send someone to the service (the dashboard, the member
/// connect page): <c>PublicUrl</c> when set, else the first address the service listens on, with a wildcard host
/// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) read as <c>localhost</c>, since a browser cannot open those.
/// </summary>
public sealed class ServiceAddress(IOptions<ServiceOptions> options, IServiceProvider services)
{
    private const string Fallback = "http://localhost:5080";

    private static readonly string[] WildcardHosts = ["*", "+", "0.0.0.0", "[::]"];

    /// <summary>Whether <see cref="BaseUrl"/> is the configured public address rather than a guess.</summary>
    public bool IsPublic => options.Value.PublicUrl is { Length: > 0 };

    public string BaseUrl()
    {
        if (options.Value.PublicUrl is { Length: > 0 } publicUrl)
        {
            return publicUrl.TrimEnd('/');
        }

        // A verb such as 'doctor' runs no server: the configured Urls say where the service listens.
        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault();
        var first = listening ?? options.Value.Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries
            | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null ? Fallback : WithBrowsableHost(first.TrimEnd('/'));
    }

    /// <summary>The dashboard page of one guild, where its admins link, re-link and set up alerts.</summary>
    public string GuildPage(string guildId) => $"{BaseUrl()}/guilds/{guildId}";

    private static string WithBrowsableHost(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return Fallback;
        }

        var rest = address[(scheme + 3)..];
        var portAt = rest.LastIndexOf(':');
        var host = portAt > 0 && !rest.EndsWith(']') ? rest[..portAt] : rest;
        return WildcardHosts.Contains(host, StringComparer.Ordinal)
            ? $"{address[..(scheme + 3)]}localhost{rest[host.Length..]}"
            : address;
    }
}
