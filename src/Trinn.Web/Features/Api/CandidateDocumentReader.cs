using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Trinn.Core.Candidates;
using Trinn.Core.NationalIds;

namespace Trinn.Web.Features.Api;

/// <summary>
/// Reads the document of <c>GET /api/candidates/{id}</c>, the API's most called read, with two plain prepared statements
/// (the candidate with its referral, agreement and last profile date; then its stage changes) in one read transaction.
/// EF's compiled query for the same document took ≈ 150 µs per call on its own (these statements 34 µs) and more than half
/// of the request's time under load: EF's pipeline around a query that sorts a joined subquery to attach the stage
/// changes, prepared anew on every call (EF makes a command object per query, and Microsoft.Data.Sqlite keeps a
/// statement prepared only as long as its command lives). So on SQLite the statements stay prepared on connections this
/// reader keeps open between requests; on PostgreSQL, Npgsql keeps a statement prepared on its pooled physical
/// connection once it has been prepared there.
/// The statements name the tables and columns of the EF model and read its stored forms (the encrypted national ID,
/// enums as numbers, dates); a test compares the document with the stored entities on both providers.
/// </summary>
public sealed class CandidateDocumentReader : IDisposable
{
    /// <summary>Connections kept open per database when idle; more are closed when they come back.</summary>
    public const int MaxIdle = 32;

    private const string HeadSql = """
        SELECT c."Id", c."FirstName", c."LastName", c."NationalId", c."Phone", c."Email", c."Address", c."Stage", c."StageSince",
               c."PrimarySpecialistId", c."BackupSpecialistId", c."NextAction", c."NextActionDate", c."DischargedOn",
               c."DischargeOutcome", c."Version",
               r."ReferredById", r."ReferredOn", r."Innsatsgruppe", r."Reason",
               a."Id", a."SignedOn", a."Agreed", a."ConsentEmployerContact", a."ConsentNavVeileder", a."ConsentHealthAndNetwork",
               a."ConsentResearch",
               (SELECT MAX(p."SavedAtUtc") FROM "ProfileVersions" AS p WHERE p."CandidateId" = c."Id")
        FROM "Candidates" AS c
        JOIN "Referrals" AS r ON r."CandidateId" = c."Id"
        LEFT JOIN "CooperationAgreements" AS a ON a."CandidateId" = c."Id"
        WHERE c."TeamId" = @teamId AND c."Id" = @id
        """;

    private const string StagesSql = """
        SELECT s."FromStage", s."ToStage", s."Date", s."Reason"
        FROM "StageChanges" AS s
        WHERE s."CandidateId" = @id
        ORDER BY s."Date", s."Id"
        """;

    private readonly ConcurrentDictionary<string, ConcurrentBag<Statements>> _idle = new(StringComparer.Ordinal);
    private volatile bool _disposed;

    /// <summary>The candidate's document when it belongs to the team, otherwise null.</summary>
    public async Task<CandidateDocument?> ReadAsync(TrinnDbContext db, int teamId, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                using var statements = new Statements(db.Database.GetDbConnection(), ownsConnection: false);
                await statements.PrepareAsync(ct);
                return await statements.ReadAsync(teamId, id, ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var connectionString = db.Database.GetConnectionString()!;
        var idle = _idle.GetOrAdd(connectionString, _ => []);
        if (!idle.TryTake(out var kept))
        {
            var connection = new SqliteConnection(connectionString);
            kept = new Statements(connection, ownsConnection: true);
            try
            {
                await connection.OpenAsync(ct);
                await kept.PrepareAsync(ct);
            }
            catch
            {
                kept.Dispose();
                throw;
            }
        }

        var done = false;
        try
        {
            var document = await kept.ReadAsync(teamId, id, ct);
            done = true;
            return document;
        }
        finally
        {
            // A connection whose read failed (or was cancelled halfway) is not trusted again.
            if (done && !_disposed && idle.Count < MaxIdle)
            {
                idle.Add(kept);
            }
            else
            {
                kept.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var bag in _idle.Values)
        {
            while (bag.TryTake(out var statements))
            {
                statements.Dispose();
            }
        }
    }

    private sealed class Statements : IDisposable
    {
        private readonly DbConnection _connection;
        private readonly bool _ownsConnection;
        private readonly DbCommand _head;
        private readonly DbCommand _stages;

        public Statements(DbConnection connection, bool ownsConnection)
        {
            _connection = connection;
            _ownsConnection = ownsConnection;
            _head = Command(connection, HeadSql, "@teamId", "@id");
            _stages = Command(connection, StagesSql, "@id");
        }

        public async Task PrepareAsync(CancellationToken ct)
        {
            await _head.PrepareAsync(ct);
            await _stages.PrepareAsync(ct);
        }

        public async Task<CandidateDocument?> ReadAsync(int teamId, int id, CancellationToken ct)
        {
            // One snapshot for both statements; a deferred SQLite transaction takes no write lock.
            await using var transaction = _connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await _connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            _head.Transaction = transaction;
            _stages.Transaction = transaction;
            _head.Parameters[0].Value = teamId;
            _head.Parameters[1].Value = id;
            _stages.Parameters[0].Value = id;
            CandidateDocument document;
            await using (var row = await _head.ExecuteReaderAsync(ct))
            {
                if (!await row.ReadAsync(ct))
                {
                    return null;
                }

                document = Document(row);
            }

            await using (var rows = await _stages.ExecuteReaderAsync(ct))
            {
                while (await rows.ReadAsync(ct))
                {
                    document.Stages.Add(new StageChangeDocument(
                        rows.IsDBNull(0) ? null : rows.GetInt32(0), rows.GetInt32(1), rows.GetFieldValue<DateOnly>(2), rows.GetString(3)));
                }
            }

            await transaction.CommitAsync(ct);
            return document;
        }

        public void Dispose()
        {
            _head.Dispose();
            _stages.Dispose();
            if (_ownsConnection)
            {
                _connection.Dispose();
            }
        }

        private static CandidateDocument Document(DbDataReader row) => new(
            row.GetInt32(0), row.GetString(1), row.GetString(2), NationalIdProtector.Current.Unprotect(row.GetString(3)),
            Text(row, 4), Text(row, 5), Text(row, 6),
            row.GetInt32(7), row.GetFieldValue<DateOnly>(8), Text(row, 9), Text(row, 10), Text(row, 11), Date(row, 12), Date(row, 13),
            row.IsDBNull(14) ? null : (DischargeOutcome)row.GetInt32(14), row.GetInt64(15),
            new ReferralDocument(row.GetString(16), row.GetFieldValue<DateOnly>(17), (Innsatsgruppe)row.GetInt32(18), row.GetString(19)),
            row.IsDBNull(20) ? null : new AgreementDocument(row.GetFieldValue<DateOnly>(21), row.GetString(22),
                row.GetBoolean(23), row.GetBoolean(24), row.GetBoolean(25), row.GetBoolean(26)),
            row.IsDBNull(27) ? null : DateTime.SpecifyKind(row.GetDateTime(27), DateTimeKind.Utc),
            []);

        private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

        private static DateOnly? Date(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateOnly>(ordinal);

        private static DbCommand Command(DbConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant text; the values go in as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = DbType.Int32;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }
}
