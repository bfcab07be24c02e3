using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace Trinn.Cli.Db;

/// <summary><c>trinn db migrate</c>: applies the migrations of the configured provider (production does this instead of the app).</summary>
internal static class DbCommand
{
    public static readonly Option<string?> ProviderOption = new("--provider") { Description = "Sqlite or Postgres (default: Database:Provider)" };
    public static readonly Option<string?> ConnectionOption = new("--connection") { Description = "Connection string (default: Database:ConnectionString)" };

    public static Command Create()
    {
        var db = new Command("db", "Database maintenance");
        var migrate = new Command("migrate", "Apply all pending migrations") { ProviderOption, ConnectionOption };
        migrate.SetAction(async (r, ct) =>
        {
            try
            {
                var options = CliDatabase.Options(r.GetValue(ProviderOption), r.GetValue(ConnectionOption));
                await using var context = CliDatabase.Open(options);
                var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
                await context.Database.MigrateAsync(ct);
                await Trinn.Core.Audit.AuditStorage.PrepareAsync(context, DateTime.UtcNow, ct: ct);
                await Console.Out.WriteLineAsync($"{options.Provider}: applied {pending.Count} migration(s); the database is up to date.");
                return 0;
            }
            catch (CliException ex)
            {
                await Console.Error.WriteLineAsync("trinn db: " + ex.Message);
                return 2;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync("trinn db: the database could not be migrated: " + ex.Message);
                return 1;
            }
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}
