using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace TwitchRelay.Twitch.EventSub;

/// <summary>HMAC-SHA256 over message id ‖ timestamp ‖ raw body, hex, prefixed <c>sha256=</c>.
/// https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message</summary>
public static class EventSubSignature
{
    private const string Prefix = "sha256=";
    private const int HashLength = 32;

    public static string Compute(ReadOnlySpan<byte> secret, string messageId, string timestamp, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        ComputeHash(secret, messageId, timestamp, body, hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }

    /// <summary>True when <paramref name="signatureHeader"/> is the right signature. Compared in fixed time, so the
    /// answer's timing tells a forger nothing about how close a guess was.</summary>
    public static bool IsValid(
        ReadOnlySpan<byte> secret,
        string messageId,
        string timestamp,
        ReadOnlySpan<byte> body,
        string signatureHeader)
    {
        if (!signatureHeader.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || signatureHeader.Length != Prefix.Length + (HashLength * 2))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HashLength];
        var status = Convert.FromHexString(signatureHeader.AsSpan(Prefix.Length), given, out _, out var written);
        if (status != OperationStatus.Done || written != HashLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashLength];
        ComputeHash(secret, messageId, timestamp, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static void ComputeHash(
        ReadOnlySpan<byte> secret,
        string messageId,
        string timestamp,
        ReadOnlySpan<byte> body,
        Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        AppendUtf8(hmac, messageId);
        AppendUtf8(hmac, timestamp);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    private static void AppendUtf8(IncrementalHash hmac, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            hmac.AppendData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
