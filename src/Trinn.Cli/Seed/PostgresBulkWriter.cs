using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Trinn.Core.Data;

namespace Trinn.Cli.Seed;

/// <summary>
/// PostgreSQL: binary COPY per table, all in one transaction (a failed load leaves nothing behind), secondary indexes
/// built after the load, identity counters moved past the ids the generators chose, statistics refreshed.
/// </summary>
internal sealed class PostgresBulkWriter(TrinnDbContext db, DbConnection connection) : BulkWriter(db, connection)
{
    private readonly List<(string Name, string Sql)> _deferred = [];
    private readonly List<PostgresBulkTable> _pending = [];
    private PostgresBulkTable? _active;
    private int _opened;

    private NpgsqlConnection Npgsql => (NpgsqlConnection)Connection;

    public override async Task DeferIndexesAsync(IEnumerable<Type> entities, CancellationToken ct)
    {
        foreach (var entity in entities)
        {
            // Unique and primary-key constraints stay (they are constraints, not bare indexes); EF's indexes go.
            var indexes = await PairsAsync(
                "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @t " +
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                TableName(entity),
                ct);
            foreach (var (name, _) in indexes)
            {
                await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
            }

            _deferred.AddRange(indexes);
        }
    }

    public override async Task RestoreIndexesAsync(Action<string> progress, CancellationToken ct)
    {
        await ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", ct);
        foreach (var (name, sql) in _deferred)
        {
            await ExecuteAsync(sql, ct);
            progress(name);
        }

        _deferred.Clear();
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        foreach (var type in Db.Model.GetEntityTypes())
        {
            var key = type.FindPrimaryKey();
            if (type.GetTableName() is not { } table || key is not { Properties: [var id] }
                || id.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd
                || id.ClrType != typeof(int) && id.ClrType != typeof(long))
            {
                continue;
            }

            var column = id.GetColumnName();
            await ExecuteAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT max(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                ct);
        }

        await Transaction!.CommitAsync(ct);
        await Transaction.DisposeAsync();
        Transaction = null;
        await ExecuteAsync("ANALYZE", ct);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        await Db.Database.CloseConnectionAsync();
    }

    protected override async Task BeginAsync(CancellationToken ct) => Transaction = await Npgsql.BeginTransactionAsync(ct);

    protected override BulkTable CreateTable(string table, BulkColumn[] columns) => new PostgresBulkTable(this, table, columns);

    /// <summary>
    /// A connection runs one COPY at a time, but generators fill parent and child tables side by side. The first table
    /// opened streams its COPY; tables opened meanwhile keep their rows in memory and are copied, in the order they were
    /// opened (parents first), as soon as the connection is free. The big tables (audit, time log) are filled alone and
    /// always stream.
    /// </summary>
    private sealed class PostgresBulkTable : BulkTable
    {
        private readonly PostgresBulkWriter _writer;
        private readonly string[] _types;
        private readonly List<object?[]> _buffered = [];
        private readonly int _order;
        private NpgsqlBinaryImporter? _importer;

        public PostgresBulkTable(PostgresBulkWriter writer, string name, BulkColumn[] columns)
            : base(name, columns)
        {
            _writer = writer;

            // "character varying(100)" → "character varying": the binary format does not depend on the length.
            _types = columns.Select(c => c.StoreType.Split('(')[0]).ToArray();
            _order = writer._opened++;
            if (writer._active is null)
            {
                writer._active = this;
                _importer = Begin();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (_importer is not null)
            {
                await CompleteAsync();
                _writer._active = null;
                while (_writer._pending.Count > 0)
                {
                    var next = _writer._pending[0];
                    _writer._pending.RemoveAt(0);
                    await next.FlushAsync();
                }
            }
            else if (_writer._active is null)
            {
                await FlushAsync();
            }
            else
            {
                // Copied in the order the tables were opened: a child's parents are copied before it.
                var at = _writer._pending.FindIndex(p => p._order > _order);
                _writer._pending.Insert(at < 0 ? _writer._pending.Count : at, this);
            }
        }

        protected override void Write(object?[] values)
        {
            if (_importer is null)
            {
                _buffered.Add(values.ToArray());
                return;
            }

            WriteRow(values);
        }

        private async Task FlushAsync()
        {
            _importer = Begin();
            foreach (var row in _buffered)
            {
                WriteRow(row);
            }

            _buffered.Clear();
            await CompleteAsync();
        }

        private NpgsqlBinaryImporter Begin() => _writer.Npgsql.BeginBinaryImport(
            $"COPY \"{Name}\" ({string.Join(", ", Columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)");

        private async Task CompleteAsync()
        {
            await _importer!.CompleteAsync();
            await _importer.DisposeAsync();
            _importer = null;
        }

        private void WriteRow(object?[] values)
        {
            _importer!.StartRow();
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] is { } value)
                {
                    _importer.Write(value, _types[c]);
                }
                else
                {
                    _importer.WriteNull();
                }
            }
        }
    }
}
