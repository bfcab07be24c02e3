using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Trinn.Core.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) kept per model. A compiled query skips EF's per-call work on the
/// LINQ tree (evaluating its closures, hashing it, comparing it with the cached one) — on the candidate API that was
/// about as much CPU as the query itself. But it binds to the model of the first context it runs on, and SQLite and
/// PostgreSQL have different models (the tests run both in one process), so each model gets a compiled query of its own.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
