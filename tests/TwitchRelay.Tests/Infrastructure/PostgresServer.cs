using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(TwitchRelay.Tests.Infrastructure.PostgresServer))]

namespace TwitchRelay.Tests.Infrastructure;

/// <summary>A throw-away PostgreSQL server for the test run (TESTING.md's recipe, from C#): started on first use,
/// one database per caller, stopped and deleted at the end. Needs the PostgreSQL binaries of the image; as root,
/// initdb runs as the <c>postgres</c> user, since it refuses root.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly SemaphoreSlim startLock = new(1, 1);
    private string? folder;
    private string? binaries;
    private int port;
    private int databases;

    public async Task<string> CreateDatabaseAsync()
    {
        await EnsureStartedAsync();
        var name = $"relay_test_{Interlocked.Increment(ref databases)}_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username=relay;Database={database};Pooling=true;Include Error Detail=true";

    private async Task EnsureStartedAsync()
    {
        await startLock.WaitAsync();
        try
        {
            if (folder is not null)
            {
                return;
            }

            binaries = FindBinaries();
            var dir = Directory.CreateTempSubdirectory("twitchrelay-pg-").FullName;
            port = FreePort();
            await RunAsync("chmod", $"755 {dir}");
            if (IsRoot())
            {
                await RunAsync("chown", $"postgres {dir}");
            }

            await RunAsPostgresAsync("initdb", $"-D {dir}/data -A trust -U relay --no-sync");
            await RunAsPostgresAsync(
                "pg_ctl",
                $"-D {dir}/data -l {dir}/log -w start "
                + $"-o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\"");
            folder = dir;
        }
        finally
        {
            startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is null)
        {
            return;
        }

        await RunAsPostgresAsync("pg_ctl", $"-D {folder}/data -m immediate -w stop");
        Directory.Delete(folder, recursive: true);
        folder = null;
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(x => Path.Combine(x, "bin"))
                .Where(x => File.Exists(Path.Combine(x, "initdb")))
                .OrderDescending()
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install postgresql (see .ci/run).");
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsPostgresAsync(string tool, string arguments)
    {
        var path = Path.Combine(binaries!, tool);
        return IsRoot() ? RunAsync("runuser", $"-u postgres -- {path} {arguments}") : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {arguments} exited {process.ExitCode}: {await output} {await error}");
        }
    }
}
