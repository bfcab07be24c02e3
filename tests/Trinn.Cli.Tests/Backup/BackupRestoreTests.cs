using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Trinn.Cli.Audit;
using Trinn.Cli.Backup;
using Trinn.Core.Data;

namespace Trinn.Cli.Tests.Backup;

/// <summary>
/// <c>trinn backup</c> while candidates are being written, then <c>trinn restore</c> into a fresh database: the copy is
/// consistent and holds everything saved before the backup began; once writing stops, a backup restores to an
/// identical database, table by table. On SQLite and on PostgreSQL.
/// </summary>
public abstract class BackupRestoreTests(ScratchDatabases databases) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trinn-backupfiles-").FullName;

    private string BackupFile(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task Backup_UnderWriteLoad_RestoresConsistentDatabaseWithEveryAcknowledgedRow()
    {
        var source = await databases.CreateAsync();
        await using var writer = await CandidateWriter.StartAsync(() => databases.Open(source));
        await writer.WaitForAsync(30);

        var acknowledged = writer.Acknowledged();
        var (backup, output, error) = await RunAsync(source, "backup", "--output", BackupFile("load.bak"));
        await writer.WaitForAsync(writer.Count + 5);
        await writer.StopAsync();

        Assert.True(backup == 0, $"backup exit {backup}: {output} {error}");
        var target = await databases.CreateAsync();
        var (restore, restoreOutput, restoreError) = await RunAsync(target, "restore", "--input", BackupFile("load.bak"));
        Assert.True(restore == 0, $"restore exit {restore}: {restoreOutput} {restoreError}");
        Assert.Equal("", await databases.IntegrityProblemsAsync(target));
        var (verify, verifyOutput, _) = await RunAsync(target, "audit", "verify");
        Assert.True(verify == 0, verifyOutput);
        await using var restored = databases.Open(target);
        var ids = await restored.Candidates.Select(c => c.Id).ToListAsync();
        Assert.Empty(acknowledged.Except(ids));
        var notes = await restored.JournalNotes.Select(n => n.CandidateId).ToListAsync();
        Assert.Empty(acknowledged.Except(notes));
        // The copy is one snapshot: every candidate in it is whole (referral, stage history, note), none half-written.
        Assert.Equal(ids.Count, await restored.Referrals.CountAsync());
        Assert.Equal(2 * ids.Count, await restored.StageChanges.CountAsync());
        Assert.Equal(ids.Count, notes.Count);
    }

    [Fact]
    public async Task Backup_AfterWritesStop_RestoredTablesHaveTheSameCountsAndChecksums()
    {
        var source = await databases.CreateAsync();
        int saved;
        await using (var writer = await CandidateWriter.StartAsync(() => databases.Open(source)))
        {
            await writer.WaitForAsync(40);
            var (first, _, firstError) = await RunAsync(source, "backup", "--output", BackupFile("during.bak"));
            Assert.True(first == 0, firstError);
            await writer.StopAsync();
            saved = writer.Count;
        }

        var (backup, _, error) = await RunAsync(source, "backup", "--output", BackupFile("stopped.bak"));
        Assert.True(backup == 0, error);
        var target = await databases.CreateAsync();
        var (restore, _, restoreError) = await RunAsync(target, "restore", "--input", BackupFile("stopped.bak"));

        Assert.True(restore == 0, restoreError);
        var expected = await FingerprintAsync(source);
        var actual = await FingerprintAsync(target);
        Assert.Equal(expected, actual);
        Assert.StartsWith($"{saved} rows,", expected["Candidates"], StringComparison.Ordinal);
        Assert.StartsWith($"{saved} rows,", expected["JournalNotes"], StringComparison.Ordinal);
        Assert.False(expected["AuditEntries"].StartsWith("0 rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_IntoDatabaseWithTables_RefusesWithExitTwoAndChangesNothing()
    {
        var source = await databases.CreateAsync();
        await using (var writer = await CandidateWriter.StartAsync(() => databases.Open(source)))
        {
            await writer.WaitForAsync(3);
            await writer.StopAsync();
        }

        Assert.Equal(0, (await RunAsync(source, "backup", "--output", BackupFile("a.bak"))).Exit);
        var target = await databases.CreateAsync();
        await using (var other = await CandidateWriter.StartAsync(() => databases.Open(target)))
        {
            await other.WaitForAsync(1);
            await other.StopAsync();
        }

        var before = await FingerprintAsync(target);

        var (exit, _, error) = await RunAsync(target, "restore", "--input", BackupFile("a.bak"));

        Assert.Equal(BackupCommand.Usage, exit);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync(target));
    }

    [Fact]
    public async Task Restore_WithForce_ReplacesTheDatabaseWithTheBackup()
    {
        var source = await databases.CreateAsync();
        await using (var writer = await CandidateWriter.StartAsync(() => databases.Open(source)))
        {
            await writer.WaitForAsync(12);
            await writer.StopAsync();
        }

        Assert.Equal(0, (await RunAsync(source, "backup", "--output", BackupFile("a.bak"))).Exit);
        var target = await databases.CreateAsync();
        await using (var other = await CandidateWriter.StartAsync(() => databases.Open(target)))
        {
            await other.WaitForAsync(2);
            await other.StopAsync();
        }

        var (exit, _, error) = await RunAsync(target, "restore", "--input", BackupFile("a.bak"), "--force");

        Assert.True(exit == 0, error);
        Assert.Equal(await FingerprintAsync(source), await FingerprintAsync(target));
        Assert.Equal("", await databases.IntegrityProblemsAsync(target));
    }

    [Fact]
    public async Task Restore_FileIsNotABackup_FailsWithExitOneAndLeavesTheTargetEmpty()
    {
        var garbage = BackupFile("garbage.bak");
        await File.WriteAllTextAsync(garbage, "this is not a database backup");
        var target = await databases.CreateAsync();

        var (exit, _, error) = await RunAsync(target, "restore", "--input", garbage);

        Assert.Equal(BackupCommand.Failed, exit);
        Assert.Contains("trinn restore:", error, StringComparison.Ordinal);
        await using var db = databases.Open(target);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Backup_OutputExists_RefusesWithExitTwoAndKeepsTheFile()
    {
        var source = await databases.CreateAsync();
        await using (var db = databases.Open(source))
        {
            await db.Database.MigrateAsync();
        }

        var existing = BackupFile("existing.bak");
        await File.WriteAllTextAsync(existing, "an older backup");

        var (exit, _, error) = await RunAsync(source, "backup", "--output", existing);

        Assert.Equal(BackupCommand.Usage, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Backup_WithoutOutput_ExitsWithTwoAndSaysWhatIsMissing()
    {
        var source = await databases.CreateAsync();

        var (exit, _, error) = await RunAsync(source, "backup");

        Assert.Equal(BackupCommand.Usage, exit);
        Assert.Contains("--output FILE is required", error, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await databases.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<SortedDictionary<string, string>> FingerprintAsync(string connectionString)
    {
        await using var db = databases.Open(connectionString);
        return await DatabaseFingerprint.ComputeAsync(db);
    }

    /// <summary>Runs a <c>trinn</c> command in-process against one database, as the CLI's own tests do.</summary>
    private async Task<(int Exit, string Output, string Error)> RunAsync(string connectionString, params string[] args)
    {
        List<string> all = [.. args, "--provider", databases.Provider.ToString(), "--connection", connectionString];
        if (args[0] != "audit" && databases.Provider == DatabaseProvider.Postgres
            && Environment.GetEnvironmentVariable("TRINN_TEST_PG_BIN") is { Length: > 0 } pgBin)
        {
            all.AddRange(["--pg-bin", pgBin]);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { BackupCommand.CreateBackup(), BackupCommand.CreateRestore(), AuditCommand.Create() };
        var clock = Stopwatch.StartNew();
        var exit = await root.Parse(all).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"trinn {args[0]} took {clock.Elapsed}");
        if (args[0] == "restore")
        {
            // Pooled SQLite connections still hold the replaced file open; the app is stopped for a restore too.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        return (exit, output.ToString(), error.ToString());
    }
}

public sealed class SqliteBackupRestoreTests() : BackupRestoreTests(new SqliteScratchDatabases());

public sealed class PostgresBackupRestoreTests() : BackupRestoreTests(new PostgresScratchDatabases());
