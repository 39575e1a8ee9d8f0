using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TwitchRelay.Bench;

/// <summary>A server in a process of its own on 127.0.0.1: started, waited on until /healthz answers, measured
/// through /proc, and killed. Its output is drained (a full pipe would stall it) and kept for a failure message.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ChildProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>The relay itself: <c>dotnet TwitchRelay.dll</c> with settings in environment variables.</summary>
    public static Task<ChildProcess> StartServiceAsync(IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(BenchPaths.ServiceDll))
        {
            throw new FileNotFoundException("Build the service in Release first.", BenchPaths.ServiceDll);
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { BenchPaths.ServiceDll } };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        return StartAsync(start, port);
    }

    /// <summary>This program again, as the bare Kestrel endpoint.</summary>
    public static Task<ChildProcess> StartBareAsync()
    {
        var port = FreePort();
        var start = StartSelf("bare-server", "--port", port.ToString(CultureInfo.InvariantCulture));
        return StartAsync(start, port);
    }

    /// <summary>This program again, hosting the service with the busy-timeout pragma added.</summary>
    private static ProcessStartInfo StartSelf(params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>A line of /proc/PID/status in MB (VmRSS now, VmHWM the peak).</summary>
    public double StatusMegabytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(
                    line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                    CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        throw new InvalidOperationException($"No {field} in /proc/{process.Id}/status.");
    }

    /// <summary>Total CPU (user + system) the process used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(40));
            }
        }
    }

    /// <summary>SIGKILL, as a crash or power cut would: whatever was answered 2xx must already be on disk.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static async Task<ChildProcess> StartAsync(ProcessStartInfo start, int port)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var child = new ChildProcess(process, port);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitReadyAsync();
        return child;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
            if (output.Count > 1000)
            {
                output.RemoveRange(0, 500);
            }
        }
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting up.
            }

            await Task.Delay(100);
        }

        await KillAsync();
        throw new InvalidOperationException($"{process.StartInfo.FileName} did not become ready:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
