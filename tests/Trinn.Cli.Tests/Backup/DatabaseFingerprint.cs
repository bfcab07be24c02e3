using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;

namespace Trinn.Cli.Tests.Backup;

/// <summary>
/// Every table of a database (from the catalog, so nothing is missed) with its row count and a SHA-256 over all rows
/// in primary-key order, every column rendered with the invariant culture.
/// </summary>
internal static class DatabaseFingerprint
{
    /// <param name="ignored">Columns left out ("Table.Column"): values that differ by design, such as a fresh nonce or salt.</param>
    public static async Task<SortedDictionary<string, string>> ComputeAsync(TrinnDbContext db, params string[] ignored)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var tables = await ColumnAsync(connection, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var key = await ColumnAsync(connection, sqlite
                ? $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"
                : "SELECT kcu.column_name FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu "
                  + "ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name "
                  + $"WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public' AND tc.table_name = '{table}' ORDER BY kcu.ordinal_position");
            Assert.True(key.Count > 0, $"table {table} has no primary key");
            result[table] = await TableAsync(connection, table, key, ignored);
        }

        // The schema too: a restore that lost a constraint or an index is not the same database.
        var schema = await ColumnAsync(connection, sqlite
            ? "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
            : "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
              + "UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
        result["(schema)"] = string.Create(CultureInfo.InvariantCulture,
            $"{schema.Count} objects, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', schema))))}");
        return result;
    }

    private static async Task<string> TableAsync(DbConnection connection, string table, List<string> key, string[] ignored)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", key.Select(k => $"\"{k}\""))}";
        await using var reader = await command.ExecuteReaderAsync();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            var line = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (ignored.Contains(table + "." + reader.GetName(i), StringComparer.Ordinal))
                {
                    continue;
                }

                var value = Render(reader.IsDBNull(i) ? null : reader.GetValue(i));
                line.Append(reader.GetName(i)).Append('=').Append(value.Length).Append(':').Append(value).Append(';');
            }

            hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{rows} rows, sha256 {Convert.ToHexStringLower(hash.GetHashAndReset())}");
    }

    private static string Render(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => Convert.ToHexStringLower(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
