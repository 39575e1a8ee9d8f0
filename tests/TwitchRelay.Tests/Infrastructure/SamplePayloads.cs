namespace TwitchRelay.Tests.Infrastructure;

/// <summary>The sample notifications shipped with the tests (copied from shared/twitch/payloads).</summary>
internal static class SamplePayloads
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Payloads");

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));
}
