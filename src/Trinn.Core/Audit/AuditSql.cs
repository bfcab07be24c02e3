using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Trinn.Core.Data;

namespace Trinn.Core.Audit;

/// <summary>
/// The statements that append to the audit chain, built once per model from its table and column names (delimited by the
/// provider), so the same code runs on SQLite and PostgreSQL. No input ever becomes SQL text: values are parameters.
/// </summary>
internal sealed class AuditSql
{
    /// <summary>Rows per INSERT statement on PostgreSQL (12 parameters each; well under its parameter limit).</summary>
    public const int RowsPerInsertPostgres = 100;

    private static readonly PerModel<AuditSql> Cache = new(db => new AuditSql(db));

    private readonly string _insertPrefix;
    private readonly int _rowsPerInsert;
    private readonly string[] _insertRows = new string[RowsPerInsertPostgres + 1];
    private readonly Type[] _arrayElementTypes;

    private AuditSql(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        string Table<T>() => sql.DelimitIdentifier(db.Model.FindEntityType(typeof(T))!.GetTableName()!);
        string Column<T>(string property)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            return sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);
        }

        string ColumnType<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnType();

        // As stored: an enum as its number (see Values).
        _arrayElementTypes = Columns.Select(c => db.Model.FindEntityType(typeof(AuditEntry))!.FindProperty(c)!.ClrType)
            .Select(t => t.IsEnum ? Enum.GetUnderlyingType(t) : t)
            .ToArray();

        var head = Table<AuditHead>();
        var id = Column<AuditHead>(nameof(AuditHead.Id));
        var last = Column<AuditHead>(nameof(AuditHead.LastSequence));
        var hash = Column<AuditHead>(nameof(AuditHead.LastHash));
        var change = Column<AuditHead>(nameof(AuditHead.LastChangeSequence));
        var singleton = AuditHead.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        LockHead = $"UPDATE {head} SET {last} = {last} WHERE {id} = {singleton} RETURNING {last}, {hash}";
        MoveHead = $"UPDATE {head} SET {last} = @sequence, {hash} = @hash WHERE {id} = {singleton}";
        MoveHeadAndChange = $"UPDATE {head} SET {last} = @sequence, {hash} = @hash, {change} = @change WHERE {id} = {singleton}";
        // PostgreSQL only: the same round trip tells every listening app instance which candidates changed; PostgreSQL
        // delivers the notification when the transaction commits, and never when it rolls back.
        MoveHeadAndChangeAndNotify = db.Database.IsSqlite()
            ? null
            : $"{MoveHeadAndChange}; SELECT pg_notify('{CandidateChanges.Channel}', @candidates)";
        var columns = string.Join(", ", Columns.Select(c => Column<AuditEntry>(c)));
        _insertPrefix = $"INSERT INTO {Table<AuditEntry>()} ({columns}) VALUES ";

        // PostgreSQL only (AuditChain.TryAppendAfterAsync): one statement, its own transaction. The head moves only if it
        // is still where the writer last left it ($3, $4); the entries, one array per column ($5 …), are inserted only if it
        // moved. The text never changes with the batch's size, so it is prepared once per connection.
        AppendAfter = db.Database.IsSqlite()
            ? null
            : $"WITH moved AS (UPDATE {head} SET {last} = $1, {hash} = $2 WHERE {id} = {singleton} AND {last} = $3 AND {hash} = $4 RETURNING 1) "
              + $"INSERT INTO {Table<AuditEntry>()} ({columns}) SELECT * FROM unnest({string.Join(", ", Columns.Select((c, i) => $"${i + 5}::{ColumnType<AuditEntry>(c)}[]"))}) WHERE EXISTS (SELECT 1 FROM moved)";
        _rowsPerInsert = db.Database.IsSqlite() ? 1 : RowsPerInsertPostgres;
    }

    /// <summary>The inserted columns, in the order of <see cref="Values"/> (the id is the database's).</summary>
    private static readonly string[] Columns =
    [
        nameof(AuditEntry.Sequence), nameof(AuditEntry.AtUtc), nameof(AuditEntry.UserId), nameof(AuditEntry.Role),
        nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.CandidateId),
        nameof(AuditEntry.Changes), nameof(AuditEntry.ChangesDigest), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
    ];

    /// <summary>Locks the head row (the write lock on SQLite, a row lock on PostgreSQL) and returns its sequence and hash.</summary>
    public string LockHead { get; }

    public string MoveHead { get; }

    public string MoveHeadAndChange { get; }

    /// <summary>Appends after a known end of the chain in one statement, or does nothing; null on SQLite.</summary>
    public string? AppendAfter { get; }

    /// <summary><see cref="MoveHeadAndChange"/> and a notification on <see cref="CandidateChanges.Channel"/>; null on SQLite.</summary>
    public string? MoveHeadAndChangeAndNotify { get; }

    public static AuditSql For(TrinnDbContext db) => Cache.For(db);

    public static DbCommand Command(DbTransaction transaction, string text)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Built from the model's delimited names and parameter placeholders only.
        command.CommandText = text;
#pragma warning restore CA2100
        return command;
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public async Task InsertAsync(DbTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        // One command per statement shape, executed again with new values: SQLite keeps it prepared. SQLite takes one row
        // per statement, because it finds each named parameter by a linear search over the statement's names (a
        // 1,200-parameter statement spent more time in that search than in the insert); PostgreSQL takes 100 rows per
        // statement to save round trips.
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < entries.Count; start += _rowsPerInsert)
            {
                var count = Math.Min(_rowsPerInsert, entries.Count - start);
                if (command is null || command.Parameters.Count != count * Columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = Command(transaction, InsertText(count));
                    for (var i = 0; i < count * Columns.Length; i++)
                    {
                        Add(command, Name(i / Columns.Length, i % Columns.Length), null);
                    }
                }

                for (var i = 0; i < count; i++)
                {
                    var values = Values(entries[start + i]);
                    for (var c = 0; c < values.Length; c++)
                    {
                        command.Parameters[(i * Columns.Length) + c].Value = values[c] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Runs <see cref="AppendAfter"/> for entries linked after <paramref name="after"/> on the context's connection, outside
    /// any transaction. True when they were stored (and the head moved to the last of them), false when the chain no
    /// longer ended at <paramref name="after"/> and nothing was stored.
    /// </summary>
    public async Task<bool> TryInsertAfterAsync(TrinnDbContext db, AuditChainEnd after, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (AppendAfter is null)
        {
            throw new NotSupportedException("SQLite appends to the audit chain with the head's lock only.");
        }

        var columns = new Array[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            columns[c] = Array.CreateInstance(_arrayElementTypes[c], entries.Count);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var values = Values(entries[i]);
            for (var c = 0; c < values.Length; c++)
            {
                columns[c].SetValue(values[c], i);
            }
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
#pragma warning disable CA2100 // Built from the model's delimited names and positional parameters only.
            command.CommandText = AppendAfter;
#pragma warning restore CA2100
            object[] head = [entries[^1].Sequence, entries[^1].Hash, after.Sequence, after.Hash];
            foreach (var value in head.Concat(columns))
            {
                var parameter = command.CreateParameter();
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return await command.ExecuteNonQueryAsync(ct) == entries.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static object?[] Values(AuditEntry e) =>
        [e.Sequence, e.AtUtc, e.UserId, e.Role, (int)e.Action, e.EntityType, e.EntityId, e.CandidateId, e.Changes, e.ChangesDigest, e.PreviousHash, e.Hash];

    private static string Name(int row, int column) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@r{row}c{column}");

    private string InsertText(int rows)
    {
        if (_insertRows[rows] is { } cached)
        {
            return cached;
        }

        var text = _insertPrefix + string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, Columns.Length).Select(c => Name(r, c))) + ")"));
        _insertRows[rows] = text;
        return text;
    }
}
