using System.Text;
using System.Text.Json;
using TwitchRelay.Tests.Infrastructure;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Tests.Intake;

public class SignatureTests
{
    [Fact]
    public void TestVectorSignatureIsReproduced()
    {
        var vector = ReadVector();

        var signature = EventSubSignature.Compute(
            Encoding.ASCII.GetBytes(vector.Secret),
            vector.MessageId,
            vector.Timestamp,
            Encoding.UTF8.GetBytes(vector.Body));

        Assert.Equal(vector.Expected, signature);
    }

    [Fact]
    public void TestVectorVerifiesAndAnyChangedByteDoesNot()
    {
        var vector = ReadVector();
        var secret = Encoding.ASCII.GetBytes(vector.Secret);
        var body = Encoding.UTF8.GetBytes(vector.Body);

        var valid = EventSubSignature.IsValid(secret, vector.MessageId, vector.Timestamp, body, vector.Expected);
        body[^2] ^= 1;
        var tamperedBody = EventSubSignature.IsValid(secret, vector.MessageId, vector.Timestamp, body, vector.Expected);
        body[^2] ^= 1;
        var otherId = EventSubSignature.IsValid(
            secret, vector.MessageId + "x", vector.Timestamp, body, vector.Expected);
        var upperHex = EventSubSignature.IsValid(
            secret, vector.MessageId, vector.Timestamp, body, "sha256=" + vector.Expected[7..].ToUpperInvariant());

        Assert.True(valid);
        Assert.False(tamperedBody);
        Assert.False(otherId);
        Assert.True(upperHex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=6fb56ae1987f7f9badbeb0f21ff8f1b61348ba1831746f39b2e266d687c06e6f")]
    [InlineData("sha256=zzb56ae1987f7f9badbeb0f21ff8f1b61348ba1831746f39b2e266d687c06e6f")]
    [InlineData("sha256=6fb56ae1987f7f9badbeb0f21ff8f1b61348ba1831746f39b2e266d687c06e6")]
    public void MalformedSignatureHeadersAreInvalid(string header)
    {
        var vector = ReadVector();

        var valid = EventSubSignature.IsValid(
            Encoding.ASCII.GetBytes(vector.Secret),
            vector.MessageId,
            vector.Timestamp,
            Encoding.UTF8.GetBytes(vector.Body),
            header);

        Assert.False(valid);
    }

    [Theory]
    [InlineData("2026-11-28T19:04:11.634234626Z", 6342346)]
    [InlineData("2026-11-28T19:04:11Z", 0)]
    [InlineData("2026-11-28T19:04:11.17Z", 1700000)]
    public void TimestampsWithUpToNineFractionDigitsParse(string text, long expectedTicksIntoSecond)
    {
        var parsed = EventSubTimestamp.TryParse(text, out var value);

        Assert.True(parsed);
        var second = new DateTimeOffset(2026, 11, 28, 19, 4, 11, TimeSpan.Zero);
        Assert.Equal(second.AddTicks(expectedTicksIntoSecond), value);
    }

    private static Vector ReadVector()
    {
        using var json = JsonDocument.Parse(SamplePayloads.Read("transport/webhook_hmac_test_vector.json"));
        var root = json.RootElement;
        var headers = root.GetProperty("headers");
        return new Vector(
            root.GetProperty("secret").GetString()!,
            headers.GetProperty("Twitch-Eventsub-Message-Id").GetString()!,
            headers.GetProperty("Twitch-Eventsub-Message-Timestamp").GetString()!,
            root.GetProperty("body").GetString()!,
            root.GetProperty("expected_signature").GetString()!);
    }

    private sealed record Vector(string Secret, string MessageId, string Timestamp, string Body, string Expected);
}
