using System.CommandLine;
using System.Globalization;
using Trinn.Cli.Db;
using Trinn.Core.Audit;

namespace Trinn.Cli.Audit;

/// <summary><c>trinn audit verify</c>: walks the audit chain and names the first entry that was changed, removed or relinked.</summary>
internal static class AuditCommand
{
    public const int Broken = 1;

    public static Command Create()
    {
        var audit = new Command("audit", "The tamper-evident audit trail");
        var archives = new Option<string[]>("--archive") { Description = "Archive files to check too (from trinn audit archive)", AllowMultipleArgumentsPerToken = true };
        var verify = new Command("verify", "Check every entry's hash and link; exit 1 and name the first broken entry") { DbCommand.ProviderOption, DbCommand.ConnectionOption, archives };
        verify.SetAction(async (r, ct) =>
        {
            try
            {
                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                var files = r.GetValue(archives) ?? [];
                if (files.Length > 0)
                {
                    var archived = await AuditArchive.VerifyFilesAsync(db, files, ct);
                    if (!archived.IsIntact)
                    {
                        await r.InvocationConfiguration.Output.WriteLineAsync($"broken: archive: first broken entry #{archived.FirstBrokenSequence}: {archived.Problem}");
                        return Broken;
                    }

                    await r.InvocationConfiguration.Output.WriteLineAsync($"ok: {archived.EntriesChecked} archived audit entries in {files.Length} file(s), chain intact");
                }

                var result = await AuditChain.VerifyAsync(db, ct);
                if (result.IsIntact)
                {
                    var archivedNote = result.ArchivedThrough > 0 ? $", continuing the archive checkpoint at #{result.ArchivedThrough}" : "";
                    await r.InvocationConfiguration.Output.WriteLineAsync(result.RedactedEntries == 0
                        ? $"ok: {result.EntriesChecked} audit entries, chain intact{archivedNote}"
                        : $"ok: {result.EntriesChecked} audit entries, chain intact{archivedNote} ({result.RedactedEntries} payloads redacted by retention, digests kept)");
                    return 0;
                }

                await r.InvocationConfiguration.Output.WriteLineAsync($"broken: first broken entry #{result.FirstBrokenSequence}: {result.Problem}");
                return Broken;
            }
            catch (CliException ex)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("trinn audit: " + ex.Message);
                return 2;
            }
        });
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(CreateArchive());
        return audit;
    }

    /// <summary><c>trinn audit archive --before yyyy-MM-dd --output DIR</c>: moves the entries written before the date to a file (docs/adr/audit-volume.md).</summary>
    private static Command CreateArchive()
    {
        var before = new Option<string>("--before") { Description = "Archive entries written before this day (yyyy-MM-dd, UTC)", Required = true };
        var output = new Option<string>("--output") { Description = "Folder for the archive file", Required = true };
        var archive = new Command("archive", "Move the oldest audit entries to a verifiable archive file") { before, output, DbCommand.ProviderOption, DbCommand.ConnectionOption };
        archive.SetAction(async (r, ct) =>
        {
            try
            {
                if (!DateOnly.TryParseExact(r.GetValue(before), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    throw new CliException($"--before '{r.GetValue(before)}' is not a date (yyyy-MM-dd)");
                }

                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                var result = await AuditArchive.ArchiveAsync(
                    db, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), r.GetValue(output)!, SystemActor.Instance, DateTime.UtcNow, ct);
                await r.InvocationConfiguration.Output.WriteLineAsync(result is null
                    ? $"nothing to archive: no entries before {day:yyyy-MM-dd} are left in the database"
                    : $"ok: archived entries #{result.Checkpoint.FromSequence}–#{result.Checkpoint.ThroughSequence} ({result.Entries}) to {result.Path}, SHA-256 {result.Checkpoint.FileSha256}");
                return 0;
            }
            catch (CliException ex)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync("trinn audit: " + ex.Message);
                return 2;
            }
            catch (ChainBrokenException ex)
            {
                await r.InvocationConfiguration.Output.WriteLineAsync($"broken: first broken entry #{ex.Sequence}: {ex.Message}; nothing was archived");
                return Broken;
            }
        });
        return archive;
    }
}

/// <summary>The CLI as an actor in the audit trail: no user, the role "System" (maintenance run by the operator).</summary>
internal sealed class SystemActor : IAuditActor
{
    public static readonly SystemActor Instance = new();

    public string? UserId => null;

    public string? Role => "System";
}
