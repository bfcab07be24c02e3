using System.CommandLine;
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
        var verify = new Command("verify", "Check every entry's hash and link; exit 1 and name the first broken entry") { DbCommand.ProviderOption, DbCommand.ConnectionOption };
        verify.SetAction(async (r, ct) =>
        {
            try
            {
                var options = CliDatabase.Options(r.GetValue(DbCommand.ProviderOption), r.GetValue(DbCommand.ConnectionOption));
                await using var db = CliDatabase.Open(options);
                var result = await AuditChain.VerifyAsync(db, ct);
                if (result.IsIntact)
                {
                    await r.InvocationConfiguration.Output.WriteLineAsync(result.RedactedEntries == 0
                        ? $"ok: {result.EntriesChecked} audit entries, chain intact"
                        : $"ok: {result.EntriesChecked} audit entries, chain intact ({result.RedactedEntries} payloads redacted by retention, digests kept)");
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
        return audit;
    }
}
