using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// A PostgreSQL cluster of the test's own, which it may stop and start (the shared test server must never be stopped):
/// initdb into a fresh folder under /var/tmp, on a free port, with the binaries of <c>TRINN_TEST_PG_BIN</c>. As root the
/// server runs as the user postgres (it refuses to run as root), so the folder is given to that user.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string BinVariable = "TRINN_TEST_PG_BIN";

    private readonly string _bin;
    private readonly string _dir;
    private readonly int _port;

    private ThrowawayPostgres(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        _port = port;
    }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } b
            ? b
            : throw new InvalidOperationException($"{BinVariable} is not set: run ./test.sh, which sets it to the PostgreSQL binaries.");
        var dir = Path.Combine("/var/tmp", $"trinn-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres", dir);
        }

        var cluster = new ThrowawayPostgres(bin, dir, FreePort());
        await cluster.AsServerAsync("initdb", "-D", cluster.DataDir, "-U", "trinn", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await cluster.StartAgainAsync();
        return cluster;
    }

    public string DataDir => Path.Combine(_dir, "data");

    /// <summary>A new, empty database on this cluster.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(Connection("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return Connection(name);
    }

    /// <summary>pg_ctl stop -m fast: open sessions are ended (clients see "terminating connection due to administrator command").</summary>
    public Task StopFastAsync() => AsServerAsync("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "stop");

    public Task StartAgainAsync() => AsServerAsync(
        "pg_ctl", "-D", DataDir, "-l", Path.Combine(_dir, "log"), "-w", "-o",
        $"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsServerAsync("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string Connection(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=trinn;Database={database};Pooling=true;Timeout=3;Command Timeout=10";

    private Task AsServerAsync(string tool, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
