namespace TwitchRelay.Tests.Infrastructure;

internal static class TestSecrets
{
    public const string EventSub = "s3cr3t-for-tests-only-0123456789abcdef";
    public const string BotToken = "test-bot-token.not-real";
}
