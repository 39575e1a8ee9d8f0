namespace TwitchRelay.Tests.Infrastructure;

/// <summary>Waits for background work to show its result, polling; fails with what it last saw after a generous
/// limit. Tests assert values, never times: the limit only keeps a broken build from hanging.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<T> SingleAsync<T>(Func<Task<List<T>>> read) =>
        Assert.Single(await UntilAsync(read, rows => rows.Count >= 1));

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow - started > Limit)
            {
                return value;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
