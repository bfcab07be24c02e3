using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Audit;
using Trinn.Core.Data;

namespace Trinn.Cli.Seed;

/// <summary>
/// Fills an empty database with generated data of a given scale, deterministically from a seed and a day: the same
/// seed and day give the same rows (national IDs are encrypted with a fresh nonce each time, password hashes with a
/// fresh salt). Runs the generators in order, one area each; a new area is a new <see cref="ISeedGenerator"/> here.
/// </summary>
internal static class Seeder
{
    public static IReadOnlyList<ISeedGenerator> Generators { get; } =
    [
        new OrganisationGenerator(),
        new CandidateGenerator(),
        new JournalGenerator(),
        new EmployerGenerator(),
        new PlacementGenerator(),
        new TimeLogGenerator(),
        new FidelityGenerator(),
        new StudyGenerator(),
        new AuditGenerator(),
    ];

    public static async Task RunAsync(TrinnDbContext db, SeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        await db.Database.MigrateAsync(ct);

        // PostgreSQL: the audit table partitioned by month, with months for the year of generated entries.
        await AuditStorage.PrepareAsync(db, context.NowUtc, fromUtc: context.NowUtc.AddMonths(-13), ct: ct);
        if (await db.Users.AnyAsync(ct) || await db.Teams.AnyAsync(ct) || await db.Set<AuditEntry>().AnyAsync(ct))
        {
            throw new SeedException("the database already has data; seed an empty database (a new SQLite file or an empty PostgreSQL database)");
        }

        context.Progress(string.Create(CultureInfo.InvariantCulture,
            $"seeding scale '{context.Scale.Name}' with seed {context.Seed} for {context.Today:yyyy-MM-dd} into {(db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite")}"));
        await using var writer = await BulkWriter.OpenAsync(db, ct);
        await writer.DeferIndexesAsync(Generators.SelectMany(g => g.Tables).Distinct(), ct);
        foreach (var generator in Generators)
        {
            ct.ThrowIfCancellationRequested();
            await generator.RunAsync(context, writer, ct);
        }

        context.Progress("building indexes");
        await writer.RestoreIndexesAsync(name => context.Progress("  index " + name), ct);
        await writer.CompleteAsync(ct);
        context.Progress("done");
    }
}

internal sealed class SeedException : Exception
{
    public SeedException(string message)
        : base(message)
    {
    }

    public SeedException()
    {
    }

    public SeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
