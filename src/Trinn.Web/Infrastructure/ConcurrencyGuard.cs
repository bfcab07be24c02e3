using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Data.Sqlite;
using Npgsql;
using Trinn.Core.Common;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// The one save path for pages. Optimistic concurrency for forms: the form carries the version it was read at. A stale
/// version fails at once, and a race between two saves fails in the database (the version is a concurrency token).
/// A refused domain rule becomes a field error, a row a unique index already holds becomes the error the page names,
/// and nothing is half-saved. Pages do not catch <see cref="DomainException"/> or <see cref="DbUpdateException"/>
/// themselves (a test scans Features/ for it).
/// </summary>
internal static class ConcurrencyGuard
{
    /// <summary>SQLite's extended result codes for a unique index and a primary key refusing a row.</summary>
    private const int SqliteConstraintUnique = 2067;

    private const int SqliteConstraintPrimaryKey = 1555;

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
            AddRuleError(ex, modelState, t, message, prefix, field);
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
    /// <remarks>
    /// <paramref name="taken"/> says what a unique index refusing the change means for the form (someone saved the same
    /// thing first); without it such a failure is not caught.
    /// </remarks>
    public static async Task<SaveOutcome> TrySaveAsync(
        DbContext db, Func<Task> change, ModelStateDictionary modelState, IStringLocalizer t, Func<DomainException, string>? message = null, string prefix = "Input.",
        Func<string, string>? field = null, UniqueRefusal? taken = null)
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
            AddRuleError(ex, modelState, t, message, prefix, field);
            return SaveOutcome.Refused;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(string.Empty, t["Error_Conflict"]);
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException ex) when (taken is not null && IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            if (taken.Key is { } key)
            {
                modelState.AddModelError(key, taken.Message!);
                return SaveOutcome.Refused;
            }

            modelState.AddModelError(string.Empty, t["Error_Conflict"]);
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>
    /// Applies a domain rule that saves nothing by itself (a check before an Identity call, building a row the page adds
    /// later). A refused rule becomes a field error as in <c>TrySaveAsync</c>; returns whether the rule allowed it.
    /// </summary>
    public static bool TryApply(
        Action rule, ModelStateDictionary modelState, IStringLocalizer t, Func<DomainException, string>? message = null, string prefix = "Input.",
        Func<string, string>? field = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(t);
        try
        {
            rule();
            return true;
        }
        catch (DomainException ex)
        {
            AddRuleError(ex, modelState, t, message, prefix, field);
            return false;
        }
    }

    /// <summary>
    /// Runs a write (its own <c>SaveChanges</c> included) that may lose to another request writing the same rows at the
    /// same moment: another tab saved first, a unique index already holds the row, a row it refers to went away. Losing
    /// throws this request's changes away and returns <see cref="SaveOutcome.Conflict"/>; the page shows (or redirects to)
    /// what is stored now and says so in its own words.
    /// </summary>
    public static async Task<SaveOutcome> TryWriteAsync(DbContext db, Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            await write();
            return SaveOutcome.Saved;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>A refused rule as the error at its form field: the page's own wording when it has one, else the shared key.</summary>
    private static void AddRuleError(
        DomainException ex, ModelStateDictionary modelState, IStringLocalizer t, Func<DomainException, string>? message, string prefix, Func<string, string>? field) =>
        modelState.AddModelError(prefix + (field?.Invoke(ex.Field) ?? ex.Field), message?.Invoke(ex) ?? t[ex.MessageKey]);

    /// <summary>
    /// Whether the database refused a save because a unique index already holds the value: SQLite's
    /// SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY, PostgreSQL's unique_violation (23505).
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return true;
                default:
                    break;
            }
        }

        return false;
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

/// <summary>
/// What a unique index refusing a new row means for the form: an error at one field with the page's own message
/// (<see cref="Field"/>), or a conflict (<see cref="Conflict"/>: someone saved the same thing first, the page shows
/// what is stored now).
/// </summary>
internal sealed class UniqueRefusal
{
    private UniqueRefusal(string? key, string? message) => (Key, Message) = (key, message);

    /// <summary>The refusal is a conflict: the shared conflict message for the whole form, <see cref="SaveOutcome.Conflict"/>.</summary>
    public static UniqueRefusal Conflict { get; } = new(null, null);

    /// <summary>The model-state key of the field the error belongs to (with its prefix), or null for a conflict.</summary>
    public string? Key { get; }

    public string? Message { get; }

    /// <summary>The value is taken: <paramref name="message"/> at <paramref name="key"/>, <see cref="SaveOutcome.Refused"/>.</summary>
    public static UniqueRefusal Field(string key, string message) => new(key, message);
}

internal enum SaveOutcome
{
    Saved,
    Refused,
    Conflict,
}
