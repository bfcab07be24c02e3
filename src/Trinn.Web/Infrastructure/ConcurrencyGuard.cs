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
    /// becomes a field error under <c>Input.</c> (worded by <paramref name="message"/> when the feature has its own
    /// texts, else by the shared key); a stale or racing save reloads the entity and becomes the conflict message.
    /// Nothing is half-saved either way. <paramref name="field"/> names the form field for a rule's field when the two differ.
    /// </summary>
    public static Task<SaveOutcome> TrySaveAsync<T>(
        DbContext db, T entity, long postedVersion, Action<T> change, ModelStateDictionary modelState, IStringLocalizer t,
        Func<DomainException, string>? message = null, string prefix = "Input.", Func<string, string>? field = null)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(change);
        return TrySaveAsync(db, entity, postedVersion, e =>
        {
            change(e);
            return Task.CompletedTask;
        }, modelState, t, message, prefix, field);
    }

    /// <summary>As above, for a change that also reads or adjusts other rows (its side effects), all in the same save.</summary>
    public static async Task<SaveOutcome> TrySaveAsync<T>(
        DbContext db, T entity, long postedVersion, Func<T, Task> change, ModelStateDictionary modelState, IStringLocalizer t,
        Func<DomainException, string>? message = null, string prefix = "Input.", Func<string, string>? field = null)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            Expect(db, entity, postedVersion);
            await change(entity);
            await db.SaveChangesAsync();
            return SaveOutcome.Saved;
        }
        catch (DomainException ex)
        {
            modelState.AddModelError(prefix + (field?.Invoke(ex.Field) ?? ex.Field), message?.Invoke(ex) ?? t[ex.MessageKey]);
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

    /// <summary>
    /// Saves a change that has no form version of its own (a new row, and the side effects it has on other rows, such
    /// as follow-ups it completes). A refused rule becomes a field error under <paramref name="prefix"/>; a race on a row
    /// the change touched throws the whole change away and becomes the conflict message. Nothing is half-saved.
    /// </summary>
    public static async Task<SaveOutcome> TrySaveAsync(
        DbContext db, Func<Task> change, ModelStateDictionary modelState, IStringLocalizer t, Func<DomainException, string>? message = null, string prefix = "Input.",
        Func<string, string>? field = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            await change();
            await db.SaveChangesAsync();
            return SaveOutcome.Saved;
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(prefix + (field?.Invoke(ex.Field) ?? ex.Field), message?.Invoke(ex) ?? t[ex.MessageKey]);
            return SaveOutcome.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(string.Empty, t["Error_Conflict"]);
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>For a page with two forms: keeps only the errors of the form whose fields start with <paramref name="prefix"/>.</summary>
    public static void KeepErrorsOf(this ModelStateDictionary modelState, string prefix)
    {
        foreach (var key in modelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            modelState.Remove(key);
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
