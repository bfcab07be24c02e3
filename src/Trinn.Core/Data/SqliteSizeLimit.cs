using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trinn.Core.Data;

/// <summary>
/// Applies <see cref="DatabaseOptions.SqliteMaxSizeMegabytes"/> to every connection: SQLite's page limit is a setting of
/// the connection, not of the file, so it is set each time a connection opens.
/// </summary>
internal sealed class SqliteSizeLimit(long maxBytes) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        var pageSize = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA max_page_count = {Math.Max(1, maxBytes / pageSize)}";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        var pageSize = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = $"PRAGMA max_page_count = {Math.Max(1, maxBytes / pageSize)}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
