using System.Diagnostics;
using Trinn.Core.NationalIds;

namespace Trinn.Cli.Tests.Db;

/// <summary>
/// The real <c>trinn</c> process with settings from its environment, as an operator runs it: wrong national-ID keys or
/// database settings stop the command before it touches a database, with the reason on standard error.
/// </summary>
public class DataSettingsTests
{
    private static readonly string ShortKey = Convert.ToBase64String(new byte[16]);

    public static TheoryData<string, string?, string?, string> BadSettings() => new()
    {
        { "NationalIds__EncryptionKey", ShortKey, NationalIdProtector.DevelopmentLookupKey, "NationalIds:EncryptionKey must be 32 bytes in base64" },
        { "NationalIds__EncryptionKey", NationalIdProtector.DevelopmentEncryptionKey, "not base64!", "NationalIds:LookupKey must be 32 bytes in base64" },
        { "NationalIds__EncryptionKey", NationalIdProtector.DevelopmentEncryptionKey, null, "NationalIds:LookupKey must be set" },
        { "Database__SqliteMaxSizeMegabytes", "-1", null, "Database:SqliteMaxSizeMegabytes must be more than 0" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task DbMigrate_BadSetting_ExitsWithTwoAndTheReasonBeforeOpeningTheDatabase(string variable, string? value, string? lookupKey, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trinn-cli-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string?> { [variable] = value, ["NationalIds__LookupKey"] = lookupKey };

        var (exit, error) = await RunTrinnAsync(environment, "db", "migrate", "--provider", "Sqlite", "--connection", $"Data Source={path}");

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(path), "the database was created although the settings are wrong");
    }

    [Fact]
    public async Task DbMigrate_PostgresWithoutConnectionString_ExitsWithTwoAndTheReason()
    {
        var environment = new Dictionary<string, string?> { ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = null };

        var (exit, error) = await RunTrinnAsync(environment, "db", "migrate");

        Assert.Equal(2, exit);
        Assert.Contains("Database:ConnectionString is required for PostgreSQL.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_NoKeys_WarnsAndMigratesWithTheDevelopmentKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trinn-cli-{Guid.NewGuid():N}.db");
        try
        {
            var environment = new Dictionary<string, string?> { ["NationalIds__EncryptionKey"] = null, ["NationalIds__LookupKey"] = null };

            var (exit, error) = await RunTrinnAsync(environment, "db", "migrate", "--provider", "Sqlite", "--connection", $"Data Source={path}");

            Assert.Equal(0, exit);
            Assert.Contains("using the DEVELOPMENT keys", error, StringComparison.Ordinal);
            Assert.True(File.Exists(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs the built <c>trinn</c> (copied beside the tests by the project reference) in an empty folder.</summary>
    private static async Task<(int Exit, string Error)> RunTrinnAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "trinn.dll");
        var folder = Directory.CreateTempSubdirectory("trinn-cli-settings-");
        try
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
            var start = new ProcessStartInfo(host)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            start.ArgumentList.Add(cli);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(key);
                }
                else
                {
                    start.Environment[key] = value;
                }
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            await output;
            return (process.ExitCode, await error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
