using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Trinn.Core.Data;

namespace Trinn.Cli.Seed;

/// <summary>
/// Writes many rows fast, past EF's change tracker and the per-save audit: prepared multi-row INSERTs in one
/// transaction on SQLite, binary COPY on PostgreSQL. Tables and columns come from the EF model (entity type and
/// property names), and every value passes through the property's own value converter, so the rows are stored
/// exactly as EF would store them (UTC times, enums as numbers, national IDs encrypted).
/// </summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    protected BulkWriter(TrinnDbContext db, DbConnection connection)
    {
        Db = db;
        Connection = connection;
    }

    protected TrinnDbContext Db { get; }

    protected DbConnection Connection { get; }

    /// <summary>The load's transaction; every command runs in it.</summary>
    protected DbTransaction? Transaction { get; set; }

    public static async Task<BulkWriter> OpenAsync(TrinnDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        BulkWriter writer = db.Database.IsNpgsql() ? new PostgresBulkWriter(db, connection) : new SqliteBulkWriter(db, connection);
        await writer.BeginAsync(ct);
        return writer;
    }

    /// <summary>Starts rows of <typeparamref name="TEntity"/> with these properties, in this order, for <see cref="BulkTable.Add"/>.</summary>
    public BulkTable Table<TEntity>(params string[] properties) => Table(typeof(TEntity), properties);

    public BulkTable Table(Type entity, params string[] properties)
    {
        var type = Db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in the model", nameof(entity));
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = properties.Select(name =>
        {
            var property = type.FindProperty(name) ?? throw new ArgumentException($"{entity.Name}.{name} is not in the model", nameof(properties));
            return new BulkColumn(property.GetColumnName(table)!, property.GetColumnType(), property.GetTypeMapping().Converter);
        }).ToArray();
        return CreateTable(table.Name, columns);
    }

    /// <summary>Empties a table (for the few rows migrations put in, such as the audit chain's head).</summary>
    public Task DeleteAllAsync<TEntity>(CancellationToken ct) => ExecuteAsync($"DELETE FROM \"{TableName(typeof(TEntity))}\"", ct);

    /// <summary>Removes the secondary indexes of these tables for the load; <see cref="RestoreIndexesAsync"/> builds them again after it.</summary>
    public abstract Task DeferIndexesAsync(IEnumerable<Type> entities, CancellationToken ct);

    public abstract Task RestoreIndexesAsync(Action<string> progress, CancellationToken ct);

    /// <summary>Makes what was written durable and leaves the database ready for the app (identity counters, statistics).</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    protected string TableName(Type entity) =>
        Db.Model.FindEntityType(entity)?.GetTableName() ?? throw new ArgumentException($"{entity.Name} is not in the model", nameof(entity));

    protected abstract Task BeginAsync(CancellationToken ct);

    protected abstract BulkTable CreateTable(string table, BulkColumn[] columns);

    protected async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    protected async Task<List<(string Name, string Sql)>> PairsAsync(string sql, string parameter, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        var p = command.CreateParameter();
        p.ParameterName = "t";
        p.Value = parameter;
        command.Parameters.Add(p);
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}

internal sealed record BulkColumn(string Name, string StoreType, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
{
    public object? ToProvider(object? value) =>
        value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
}

/// <summary>Rows of one table; values in the order of the properties given to <see cref="BulkWriter.Table{TEntity}"/>. The array passed to Add is reused by the writer.</summary>
internal abstract class BulkTable : IAsyncDisposable
{
    protected BulkTable(string name, BulkColumn[] columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public long Count { get; private set; }

    protected BulkColumn[] Columns { get; }

    public void Add(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Columns.Length)
        {
            throw new ArgumentException($"{Name}: {values.Length} values for {Columns.Length} columns", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].ToProvider(values[i]);
        }

        Write(values);
        Count++;
    }

    /// <summary>Writes what is still buffered; the table is finished after this.</summary>
    public abstract ValueTask DisposeAsync();

    protected abstract void Write(object?[] values);
}
