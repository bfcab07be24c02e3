using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Trinn.Core.Data;

namespace Trinn.Core.Audit;

/// <summary>Who is acting: the signed-in user in the web app, "system" in the CLI. A real boundary (HTTP vs console).</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? Role { get; }
}

public sealed record AuditEvent(AuditAction Action, string EntityType, string? EntityId, int? CandidateId, string? Changes);

/// <param name="ArchivedThrough">Entries up to this sequence were archived (0: none); the check started after it.</param>
public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, string? Problem, long RedactedEntries = 0, long ArchivedThrough = 0)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Where the audit chain ends: its last entry's sequence and hash (what the head row holds).</summary>
public readonly record struct AuditChainEnd(long Sequence, string Hash);

public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// Appends events to the chain inside the caller's transaction. The head row is updated first, which locks it
    /// (a row lock in PostgreSQL, the write lock in SQLite), so two writers can never link to the same predecessor.
    /// </summary>
    public static Task<AuditChainEnd> AppendAsync(TrinnDbContext db, IReadOnlyList<AuditEvent> events, IAuditActor? actor, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return AppendAsync(db, events.Select(e => new AuditRecord(e, actor?.UserId, actor?.Role)).ToList(), nowUtc, ct);
    }

    /// <summary>
    /// Appends events of several actors (a group commit) inside the caller's transaction; see the overload above. Returns
    /// where the chain ends once the transaction commits.
    /// </summary>
    public static async Task<AuditChainEnd> AppendAsync(TrinnDbContext db, IReadOnlyList<AuditRecord> records, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are appended inside the caller's transaction.");
        var sql = AuditSql.For(db);

        // Plain commands on the transaction's connection rather than tracked entities: the chain is appended on every read
        // of candidate data, and EF's per-entity bookkeeping (one INSERT … RETURNING per row on SQLite) was most of the
        // group-commit writer's cost. The head row is updated first, which locks it, and returns where the chain ends.
        AuditChainEnd head;
        await using (var lockHead = AuditSql.Command(transaction, sql.LockHead))
        await using (var reader = await lockHead.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException("The audit chain's head row is missing.");
            }

            head = new(reader.GetInt64(0), reader.GetString(1));
        }

        if (records.Count == 0)
        {
            return head;
        }

        var entries = Link(records, head, nowUtc);
        long? lastChange = null;
        HashSet<int>? changedCandidates = null;
        foreach (var entry in entries.Where(e => RecordsChange(e.Action)))
        {
            lastChange = entry.Sequence;
            if (entry.CandidateId is { } candidateId)
            {
                (changedCandidates ??= []).Add(candidateId);
            }
        }

        var end = new AuditChainEnd(entries[^1].Sequence, entries[^1].Hash);
        await sql.InsertAsync(transaction, entries, ct);
        var notify = changedCandidates is not null && sql.MoveHeadAndChangeAndNotify is not null;
        await using var moveHead = AuditSql.Command(
            transaction, lastChange is null ? sql.MoveHead : notify ? sql.MoveHeadAndChangeAndNotify! : sql.MoveHeadAndChange);
        AuditSql.Add(moveHead, "@sequence", end.Sequence);
        AuditSql.Add(moveHead, "@hash", end.Hash);
        if (lastChange is { } changed)
        {
            AuditSql.Add(moveHead, "@change", changed);
        }

        if (notify)
        {
            AuditSql.Add(moveHead, "@candidates", CandidateChanges.Payload(changedCandidates!));
        }

        if (changedCandidates is not null)
        {
            // Told to this process's listeners when the transaction commits (CandidateChangeFeed).
            db.UncommittedCandidateChanges.UnionWith(changedCandidates);
        }

        await moveHead.ExecuteNonQueryAsync(ct);
        return end;
    }

    /// <summary>
    /// Appends entries that record no change (reads, refused access, exports) after <paramref name="after"/>, in one
    /// statement that is its own transaction: it moves the head only if the chain still ends there, and inserts the entries
    /// only if it moved it. Returns where the chain now ends, or null when it no longer ended at <paramref name="after"/>
    /// (another writer appended meanwhile); then nothing was stored, and the caller appends with
    /// <see cref="AppendAsync(TrinnDbContext, IReadOnlyList{AuditRecord}, DateTime, CancellationToken)"/>, which takes the
    /// head's lock. One round trip instead of four (lock, insert, move, commit), so the group-commit writer's batches cost
    /// the database and the app less. PostgreSQL only: SQLite's statements cannot modify data inside <c>WITH</c>, and a
    /// SQLite transaction costs no round trip.
    /// </summary>
    public static async Task<AuditChainEnd?> TryAppendAfterAsync(
        TrinnDbContext db, IReadOnlyList<AuditRecord> records, AuditChainEnd after, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("The one-statement append commits on its own; it cannot join the caller's transaction.");
        }

        if (records.Any(r => RecordsChange(r.Event.Action)))
        {
            throw new ArgumentException("A change is appended with the head's lock, so the same transaction can record it.", nameof(records));
        }

        if (records.Count == 0)
        {
            return after;
        }

        var sql = AuditSql.For(db);
        var entries = Link(records, after, nowUtc);
        return await sql.TryInsertAfterAsync(db, after, entries, ct) ? new AuditChainEnd(entries[^1].Sequence, entries[^1].Hash) : null;
    }

    /// <summary>Whether <see cref="TryAppendAfterAsync"/> can run on this context's database (PostgreSQL).</summary>
    public static bool AppendsInOneStatement(TrinnDbContext db) => AuditSql.For(db).AppendAfter is not null;

    /// <summary>The entries for these records, numbered and hash-linked after <paramref name="after"/>.</summary>
    private static List<AuditEntry> Link(IReadOnlyList<AuditRecord> records, AuditChainEnd after, DateTime nowUtc)
    {
        // PostgreSQL keeps microseconds; the hash must cover exactly what is stored.
        nowUtc = new DateTime(nowUtc.Ticks - (nowUtc.Ticks % 10), DateTimeKind.Utc);
        var sequence = after.Sequence;
        var previous = after.Hash;
        var entries = new List<AuditEntry>(records.Count);
        foreach (var (e, userId, role) in records)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                AtUtc = nowUtc,
                UserId = userId,
                Role = role,
                Action = e.Action,
                EntityType = e.EntityType,
                EntityId = e.EntityId,
                CandidateId = e.CandidateId,
                Changes = e.Changes,
                ChangesDigest = AuditEntry.Digest(e.Changes),
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Whether an entry of this action records a change of data (see <see cref="AuditHead.LastChangeSequence"/>).</summary>
    public static bool RecordsChange(AuditAction action) =>
        action is not (AuditAction.Read or AuditAction.AccessDenied or AuditAction.Export);

    /// <summary>
    /// Walks the chain in order and reports the first entry whose hash, link or sequence is wrong. After archiving, the
    /// chain in the database starts at the latest <see cref="AuditCheckpoint"/>, which an Archive entry in the chain must
    /// confirm; the archived entries themselves are checked from their files (<see cref="AuditArchive.VerifyFilesAsync"/>).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkpoint = await db.Set<AuditCheckpoint>().AsNoTracking().OrderByDescending(c => c.ThroughSequence).FirstOrDefaultAsync(ct);
        var previous = checkpoint?.ThroughHash ?? GenesisHash;
        var expected = (checkpoint?.ThroughSequence ?? 0) + 1;
        var checkpointConfirmed = checkpoint is null;
        long checkedCount = 0;
        long redacted = 0;
        var anonymised = new HashSet<int>();
        var redactedOfCandidates = new List<(long Sequence, int CandidateId)>();
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expected)
            {
                return new(checkedCount, expected, entry.Sequence < expected
                    ? $"entry #{entry.Sequence} is before the archive checkpoint at #{expected - 1} or appears twice"
                    : $"entry #{expected} is missing");
            }

            if (entry.PreviousHash != previous)
            {
                return new(checkedCount, entry.Sequence, checkpoint is not null && entry.Sequence == checkpoint.ThroughSequence + 1
                    ? $"entry #{entry.Sequence} does not link to the archive checkpoint at #{checkpoint.ThroughSequence}"
                    : $"entry #{entry.Sequence} does not link to entry #{entry.Sequence - 1}");
            }

            if (entry.ComputeHash() != entry.Hash || !entry.PayloadMatchesDigest())
            {
                return new(checkedCount, entry.Sequence, $"entry #{entry.Sequence} was changed after it was written");
            }

            if (entry.IsRedacted)
            {
                redacted++;
                if (entry.CandidateId is { } redactedCandidate)
                {
                    redactedOfCandidates.Add((entry.Sequence, redactedCandidate));
                }
            }

            if (entry.Action == AuditAction.Anonymise && entry.CandidateId is { } anonymisedCandidate)
            {
                anonymised.Add(anonymisedCandidate);
            }

            if (entry.Action == AuditAction.Archive && checkpoint is not null && AuditArchive.Confirms(entry, checkpoint))
            {
                checkpointConfirmed = true;
            }

            previous = entry.Hash;
            expected++;
            checkedCount++;
        }

        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        if (head.LastSequence != expected - 1 || head.LastHash != previous)
        {
            return new(checkedCount, expected, $"the chain ends at #{expected - 1} but the head says #{head.LastSequence}");
        }

        if (!checkpointConfirmed)
        {
            return new(checkedCount, checkpoint!.ThroughSequence, $"the archive checkpoint at #{checkpoint.ThroughSequence} is not confirmed by an archive entry in the chain");
        }

        // Retention redacts a candidate's payloads only together with an Anonymise entry for that candidate; a payload
        // removed by hand has no such entry.
        if (redactedOfCandidates.FirstOrDefault(r => !anonymised.Contains(r.CandidateId)) is { Sequence: > 0 } stray)
        {
            return new(checkedCount, stray.Sequence, $"entry #{stray.Sequence} lost its payload without a retention run for its candidate");
        }

        return new(checkedCount, null, null, redacted, checkpoint?.ThroughSequence ?? 0);
    }
}
