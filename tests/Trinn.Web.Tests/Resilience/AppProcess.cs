using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Trinn.Core.Data;

namespace Trinn.Web.Tests.Resilience;

/// <summary>
/// Trinn as its own OS process: <c>dotnet Trinn.Web.dll</c> (the build the test project references), configured through
/// environment variables as in production, on a free loopback port. The dotnet host runs the app in its own process
/// (no wrapper like <c>dotnet run</c>), so <see cref="Kill"/> sends SIGKILL to the app itself.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's process id (for its memory and for signals).</summary>
    public int Id => _process.Id;

    /// <summary>What the app wrote to stdout and stderr, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The web app's entry assembly, copied beside the tests by the project reference (with its runtimeconfig).</summary>
    public static string WebAssemblyPath
    {
        get
        {
            var path = typeof(Program).Assembly.Location;
            Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), $"no runtimeconfig beside {path}");
            return path;
        }
    }

    /// <summary>The dotnet host running the tests (the CLI passes it on), so the app runs on the same runtime.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <param name="settings">More environment variables, or overrides of the defaults below.</param>
    public static async Task<AppProcess> StartAsync(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WebAssemblyPath)!,
        };
        start.ArgumentList.Add(WebAssemblyPath);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = provider.ToString(),
            ["Database__ConnectionString"] = connectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Demo__Enabled"] = "false",
            ["NationalIds__AllowSynthetic"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>SIGKILL: no shutdown, no flush, no disposal; whatever was in flight is cut off.</summary>
    public void Kill()
    {
        // The process killed must be the app, not a launcher that would leave the app running.
        var commandLine = File.ReadAllText($"/proc/{_process.Id}/cmdline").Replace('\0', ' ');
        Assert.Contains("Trinn.Web.dll", commandLine, StringComparison.Ordinal);
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops the app: the host shuts down gracefully (hosted services stop).</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        // Generous: on a machine shared by many builds the first request (JIT, first connection) can take many seconds.
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(_process.HasExited, "the app exited at start-up:\n" + Log);
            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail("the app did not answer /health within 120 s:\n" + Log);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
