using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Trinn.Core.Data;

/// <summary>
/// Something built once per EF model and kept for the life of the model: the audit chain's statements
/// (<see cref="Audit.AuditSql"/>), and compiled queries (<c>EF.CompileAsyncQuery</c>). A compiled query skips EF's
/// per-call work on the LINQ tree (evaluating its closures, hashing it, comparing it with the cached one) — on the
/// candidate API about as much CPU as the query itself — but binds to the model of the first context it runs on. SQLite
/// and PostgreSQL have different models (the tests run both in one process), so each model gets its own.
/// </summary>
public sealed class PerModel<T>(Func<DbContext, T> create)
    where T : class
{
    private readonly ConditionalWeakTable<IModel, T> _byModel = [];

    public T For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var model = db.Model;
        return _byModel.TryGetValue(model, out var built) ? built : _byModel.GetValue(model, _ => create(db));
    }
}
