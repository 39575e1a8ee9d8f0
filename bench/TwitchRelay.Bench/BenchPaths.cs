namespace TwitchRelay.Bench;

/// <summary>Files the bench needs from the repository it was built in.</summary>
internal static class BenchPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The service as a user runs it; building the bench in Release builds it there too.</summary>
    public static string ServiceDll => Path.Combine(RepoRoot, "src/TwitchRelay/bin/Release/net10.0/TwitchRelay.dll");

    public static string Sample(string name) => Path.Combine(RepoRoot, "samples/notifications", name);

    public static string Results => Path.Combine(RepoRoot, "bench/results");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TwitchRelay.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the TwitchRelay repository.");
    }
}
