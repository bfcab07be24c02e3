using Microsoft.EntityFrameworkCore;
using Trinn.Core.Common;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// Optimistic concurrency for forms: the form carries the version it was read at. A stale version fails at once,
/// and a race between two saves fails in the database (the version is a concurrency token).
/// </summary>
internal static class ConcurrencyGuard
{
    public static void Expect<T>(DbContext db, T entity, long postedVersion)
        where T : class, IVersioned
    {
        if (entity.Version != postedVersion)
        {
            throw new DbUpdateConcurrencyException("Stale form version.");
        }

        db.Entry(entity).Property(e => e.Version).OriginalValue = postedVersion;
    }

    /// <summary>Throws away this request's changes to the entity and loads what is stored now.</summary>
    public static async Task ReloadAsync<T>(DbContext db, T entity)
        where T : class
    {
        var entry = db.Entry(entity);
        await entry.ReloadAsync();
        foreach (var other in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added).ToList())
        {
            other.State = EntityState.Detached;
        }
    }
}
