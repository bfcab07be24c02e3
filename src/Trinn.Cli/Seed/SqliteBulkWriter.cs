using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using Trinn.Core.Data;

namespace Trinn.Cli.Seed;

/// <summary>
/// SQLite: one transaction for the whole load with the rollback journal (new pages need no journal, so the file is
/// written once), one prepared INSERT per table bound by position, indexes built after the load, WAL switched back on at the end.
/// </summary>
internal sealed class SqliteBulkWriter(TrinnDbContext db, DbConnection connection) : BulkWriter(db, connection)
{
    private readonly List<(string Name, string Sql)> _deferred = [];

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    public override async Task DeferIndexesAsync(IEnumerable<Type> entities, CancellationToken ct)
    {
        foreach (var entity in entities)
        {
            var indexes = await PairsAsync("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL", TableName(entity), ct);
            foreach (var (name, _) in indexes)
            {
                await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
            }

            _deferred.AddRange(indexes);
        }
    }

    public override async Task RestoreIndexesAsync(Action<string> progress, CancellationToken ct)
    {
        foreach (var (name, sql) in _deferred)
        {
            await ExecuteAsync(sql, ct);
            progress(name);
        }

        _deferred.Clear();
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await ExecuteAsync("PRAGMA analysis_limit = 1000; ANALYZE;", ct);
        await Transaction!.CommitAsync(ct);
        await Transaction.DisposeAsync();
        Transaction = null;
        await ExecuteAsync("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", ct);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        await Db.Database.CloseConnectionAsync();
    }

    protected override async Task BeginAsync(CancellationToken ct)
    {
        // Referential integrity comes from the generators (parents first); the seed test checks it with foreign_key_check.
        await ExecuteAsync(
            "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; " +
            "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA threads = 2;",
            ct);
        Transaction = Sqlite.BeginTransaction();
    }

    protected override BulkTable CreateTable(string table, BulkColumn[] columns) => new SqliteBulkTable(Sqlite, table, columns);

    /// <summary>
    /// One prepared INSERT per table, bound by position through SQLite's own API: Microsoft.Data.Sqlite looks each
    /// parameter up by name on every execution, which costs more than the insert itself at millions of rows. The text
    /// formats are Microsoft.Data.Sqlite's (what EF writes); the seed tests compare rows written both ways.
    /// </summary>
    private sealed class SqliteBulkTable : BulkTable
    {
        // A row per statement would also update sqlite_sequence (AUTOINCREMENT) per row; 32 rows share it.
        private const int RowsPerStatement = 32;
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _many;
        private int _buffered;

        public SqliteBulkTable(SqliteConnection connection, string name, BulkColumn[] columns)
            : base(name, columns)
        {
            _connection = connection;
            _many = Prepare(RowsPerStatement);
        }

        public override ValueTask DisposeAsync()
        {
            if (_buffered > 0)
            {
                // The tail: one statement for exactly the rows left, bound from the values kept for them.
                using var tail = Prepare(_buffered);
                for (var r = 0; r < _buffered; r++)
                {
                    for (var c = 0; c < Columns.Length; c++)
                    {
                        Bind(tail, (r * Columns.Length) + c + 1, _tail[r][c]);
                    }
                }

                Step(tail);
                _buffered = 0;
            }

            _many.Dispose();
            return ValueTask.CompletedTask;
        }

        private readonly List<object?[]> _tail = [];

        protected override void Write(object?[] values)
        {
            var offset = _buffered * Columns.Length;
            for (var c = 0; c < values.Length; c++)
            {
                Bind(_many, offset + c + 1, values[c]);
            }

            // Kept only for a last, partial statement: the prepared statement's bindings cannot be read back.
            if (_tail.Count <= _buffered)
            {
                _tail.Add(new object?[Columns.Length]);
            }

            Array.Copy(values, _tail[_buffered], values.Length);
            if (++_buffered == RowsPerStatement)
            {
                Step(_many);
                _buffered = 0;
            }
        }

        private void Bind(sqlite3_stmt statement, int i, object? value)
        {
            var rc = value switch
            {
                null => raw.sqlite3_bind_null(statement, i),
                string s => raw.sqlite3_bind_text(statement, i, s),
                int n => raw.sqlite3_bind_int64(statement, i, n),
                long n => raw.sqlite3_bind_int64(statement, i, n),
                bool b => raw.sqlite3_bind_int64(statement, i, b ? 1 : 0),
                DateTime t => raw.sqlite3_bind_text(statement, i, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                DateOnly d => raw.sqlite3_bind_text(statement, i, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
                decimal m => raw.sqlite3_bind_text(statement, i, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
                var other => throw new InvalidOperationException($"{Name}: no SQLite binding for {other.GetType().Name}"),
            };
            if (rc != raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"{Name}: binding parameter {i} failed ({rc})");
            }
        }

        private void Step(sqlite3_stmt statement)
        {
            var step = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (step != raw.SQLITE_DONE)
            {
                throw new SqliteException($"{Name}: insert failed: {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", step);
            }
        }

        private sqlite3_stmt Prepare(int rows)
        {
            var row = "(" + string.Join(", ", Columns.Select(_ => "?")) + ")";
            var sql = new StringBuilder("INSERT INTO \"").Append(Name).Append("\" (")
                .AppendJoin(", ", Columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ")
                .AppendJoin(", ", Enumerable.Repeat(row, rows)).ToString();
            Check(_connection.Handle!, raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
            return statement;
        }

        private static void Check(sqlite3 db, int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            }
        }
    }
}
