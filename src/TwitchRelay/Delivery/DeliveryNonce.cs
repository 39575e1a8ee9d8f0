using System.Security.Cryptography;
using System.Text;

namespace TwitchRelay.Delivery;

/// <summary>Discord returns the earlier message instead of posting again when a bot sends the same nonce with
/// <c>enforce_nonce</c> within a few minutes (https://discord.com/developers/docs/resources/message#create-message),
/// so a POST retried after a timeout or a crash never double-posts. The nonce is a function of what the delivery is
/// for (≤ 25 characters).</summary>
internal static class DeliveryNonce
{
    public static string For(string twitchMessageId, long ruleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{twitchMessageId}|{ruleId}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
