using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;
using Trinn.Core.Instruments.Definitions;
using Trinn.Core.Instruments.Shipped;

namespace Trinn.Core.Fidelity;

/// <summary>Publishing and loading instrument versions kept in the database.</summary>
public static class InstrumentStore
{
    /// <summary>
    /// Stores a definition as a published version. A definition already stored (same content, under any version
    /// number of the key) is returned as it is. A published version never changes: when the stored JSON for that
    /// version number differs, the definition is stored as a new version, one above the highest stored.
    /// </summary>
    public static async Task<InstrumentVersion> PublishAsync(TrinnDbContext db, InstrumentDefinition definition, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(definition);
        var published = definition.Publish();
        var versions = await db.Set<InstrumentVersion>().Where(v => v.Key == published.Key).ToListAsync(ct);
        var stored = versions.FirstOrDefault(v => v.DefinitionJson == InstrumentJson.Serialize(published with { Version = v.Version }));
        if (stored is not null)
        {
            return stored;
        }

        if (versions.Any(v => v.Version >= published.Version))
        {
            published = published with { Version = versions.Max(v => v.Version) + 1 };
        }

        var json = InstrumentJson.Serialize(published);
        var row = new InstrumentVersion
        {
            Key = published.Key,
            Version = published.Version,
            Title = published.Title,
            DefinitionJson = json,
            PublishedAtUtc = nowUtc,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Publishes the instruments that ship with Trinn unless they are stored already (start-up).</summary>
    public static async Task EnsureShippedAsync(TrinnDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        foreach (var definition in ShippedInstruments.All)
        {
            await PublishAsync(db, definition, nowUtc, ct);
        }
    }

    public static async Task<InstrumentDefinition?> FindAsync(TrinnDbContext db, string key, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = await db.Set<InstrumentVersion>().AsNoTracking()
            .Where(v => v.Key == key && v.Version == version)
            .Select(v => v.DefinitionJson)
            .SingleOrDefaultAsync(ct);
        return json is null ? null : InstrumentJson.Deserialize(json);
    }

    /// <summary>The highest stored version of an instrument, or null.</summary>
    public static async Task<InstrumentVersion?> LatestAsync(TrinnDbContext db, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<InstrumentVersion>().AsNoTracking()
            .Where(v => v.Key == key)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(ct);
    }
}
