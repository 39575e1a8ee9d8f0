using System.Globalization;

namespace TwitchRelay.Bench;

internal static class BenchArgs
{
    public static int Port(string[] args)
    {
        var at = Array.IndexOf(args, "--port");
        if (at < 0 || at + 1 >= args.Length)
        {
            throw new ArgumentException("bare-server needs --port N.");
        }

        return int.Parse(args[at + 1], CultureInfo.InvariantCulture);
    }
}
