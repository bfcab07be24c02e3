using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
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

    /// <summary>
    /// Applies a domain change to an entity read at <paramref name="postedVersion"/> and saves it. A refused rule
    /// becomes a field error under <c>Input.</c>; a stale or racing save reloads the entity and becomes the
    /// conflict message. Nothing is half-saved either way.
    /// </summary>
    public static async Task<SaveOutcome> TrySaveAsync<T>(
        DbContext db, T entity, long postedVersion, Action<T> change, ModelStateDictionary modelState, IStringLocalizer t)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            Expect(db, entity, postedVersion);
            change(entity);
            await db.SaveChangesAsync();
            return SaveOutcome.Saved;
        }
        catch (DomainException ex)
        {
            modelState.AddModelError("Input." + ex.Field, t[ex.MessageKey]);
            return SaveOutcome.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            await ReloadAsync(db, entity);
            modelState.Clear();
            modelState.AddModelError(string.Empty, t["Error_Conflict"]);
            return SaveOutcome.Conflict;
        }
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

internal enum SaveOutcome
{
    Saved,
    Refused,
    Conflict,
}
