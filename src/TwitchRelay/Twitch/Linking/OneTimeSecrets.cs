using System.Security.Cryptography;
using System.Text;

namespace TwitchRelay.Twitch.Linking;

/// <summary>Random values handed to a browser (OAuth state, link tickets, the binding cookie). Only their SHA-256 is
/// stored, so a copy of the database cannot be used to finish someone else's link.</summary>
internal static class OneTimeSecrets
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
