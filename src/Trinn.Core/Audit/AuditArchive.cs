using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;

namespace Trinn.Core.Audit;

/// <summary>
/// Moves the oldest part of the audit chain out of the database into a file, keeping the whole chain verifiable
/// (docs/adr/audit-volume.md). The file holds the entries exactly as stored (gzip, one JSON object per line); the
/// database keeps a <see cref="AuditCheckpoint"/> (the last archived entry's sequence and hash, the file's SHA-256)
/// and the chain gets an Archive entry that records the same, so the remaining chain links to the checkpoint, the
/// checkpoint is confirmed by the chain, and each file is confirmed by its checkpoint.
/// </summary>
public static class AuditArchive
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Result(AuditCheckpoint Checkpoint, long Entries, string Path);

    /// <summary>
    /// Archives the entries written before <paramref name="beforeUtc"/> that are still in the database into a new file in
    /// <paramref name="folder"/>, or returns null when there are none. Checks the part it archives first and archives
    /// nothing from a broken chain.
    /// </summary>
    public static async Task<Result?> ArchiveAsync(
        TrinnDbContext db, DateTime beforeUtc, string folder, IAuditActor? actor, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var last = await db.Set<AuditCheckpoint>().AsNoTracking().OrderByDescending(c => c.ThroughSequence).FirstOrDefaultAsync(ct);
        var from = (last?.ThroughSequence ?? 0) + 1;
        var through = await CutAsync(db, from, beforeUtc, ct);
        if (through < from)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"audit-{from:D12}-{through:D12}.jsonl.gz");
        var path = Path.Combine(folder, name);
        var partial = path + ".partial";
        string throughHash;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            await using (var zip = new GZipStream(file, CompressionLevel.Optimal))
            await using (var writer = new StreamWriter(zip))
            {
                var chain = new ChainCheck(from, last?.ThroughHash ?? AuditChain.GenesisHash);
                var entries = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence >= from && e.Sequence <= through).OrderBy(e => e.Sequence);
                await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(ct))
                {
                    chain.Next(entry);
                    await writer.WriteLineAsync(JsonSerializer.Serialize(ArchivedEntry.Of(entry), Json).AsMemory(), ct);
                }

                chain.End(through);
                throughHash = chain.Previous;
            }

            File.Move(partial, path);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        var checkpoint = new AuditCheckpoint
        {
            FromSequence = from,
            ThroughSequence = through,
            ThroughHash = throughHash,
            ArchivedAtUtc = nowUtc,
            FileName = name,
            FileSha256 = await FileDigestAsync(path, ct),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(checkpoint);
            await db.SaveChangesAsync(ct);
            await AuditStorage.RemoveThroughAsync(db, through, ct);
            await AuditChain.AppendAsync(db, [Event(checkpoint)], actor, nowUtc, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return new Result(checkpoint, through - from + 1, path);
    }

    /// <summary>
    /// Checks archive files (in any order) against each other and the database's checkpoints: each file must be exactly
    /// the one its checkpoint describes (SHA-256), its entries must chain from the previous file (or the first entry),
    /// and the last file must end at the latest checkpoint, where the database's chain goes on.
    /// </summary>
    public static async Task<AuditVerification> VerifyFilesAsync(TrinnDbContext db, IReadOnlyList<string> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        var checkpoints = await db.Set<AuditCheckpoint>().AsNoTracking().OrderBy(c => c.ThroughSequence).ToListAsync(ct);
        var byName = checkpoints.ToDictionary(c => c.FileName, StringComparer.Ordinal);
        var chain = new ChainCheck(1, AuditChain.GenesisHash);
        long count = 0;
        foreach (var checkpoint in checkpoints)
        {
            var file = files.FirstOrDefault(f => Path.GetFileName(f) == checkpoint.FileName);
            if (file is null)
            {
                return new(count, checkpoint.FromSequence, $"the archive file {checkpoint.FileName} (entries #{checkpoint.FromSequence}–#{checkpoint.ThroughSequence}) was not given");
            }

            if (await FileDigestAsync(file, ct) != checkpoint.FileSha256)
            {
                return new(count, checkpoint.FromSequence, $"the archive file {checkpoint.FileName} is not the file that was archived (its SHA-256 differs)");
            }

            try
            {
                await using var stream = File.OpenRead(file);
                await using var zip = new GZipStream(stream, CompressionMode.Decompress);
                using var reader = new StreamReader(zip);
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    chain.Next(JsonSerializer.Deserialize<ArchivedEntry>(line, Json)!.ToEntry());
                    count++;
                }

                chain.End(checkpoint.ThroughSequence);
            }
            catch (ChainBrokenException ex)
            {
                return new(count, ex.Sequence, ex.Message + $" (in {checkpoint.FileName})");
            }

            if (chain.Previous != checkpoint.ThroughHash)
            {
                return new(count, checkpoint.ThroughSequence, $"{checkpoint.FileName} does not end at its checkpoint's hash");
            }
        }

        var unknown = files.FirstOrDefault(f => !byName.ContainsKey(Path.GetFileName(f)));
        return unknown is null ? new(count, null, null) : new(count, 0, $"{Path.GetFileName(unknown)} belongs to no checkpoint in this database");
    }

    /// <summary>True when an Archive entry records exactly this checkpoint.</summary>
    internal static bool Confirms(AuditEntry entry, AuditCheckpoint checkpoint)
    {
        if (entry.Changes is null)
        {
            return false;
        }

        var recorded = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes);
        string Value(string key) => recorded is not null && recorded.TryGetValue(key, out var v) && v.Length == 2 ? v[1].ToString() : "";
        return Value(nameof(AuditCheckpoint.ThroughSequence)) == checkpoint.ThroughSequence.ToString(CultureInfo.InvariantCulture)
            && Value(nameof(AuditCheckpoint.ThroughHash)) == checkpoint.ThroughHash
            && Value(nameof(AuditCheckpoint.FileSha256)) == checkpoint.FileSha256;
    }

    private static AuditEvent Event(AuditCheckpoint c) => new(
        AuditAction.Archive,
        nameof(AuditCheckpoint),
        c.ThroughSequence.ToString(CultureInfo.InvariantCulture),
        null,
        JsonSerializer.Serialize(new Dictionary<string, object?[]>
        {
            [nameof(AuditCheckpoint.FromSequence)] = [null, c.FromSequence],
            [nameof(AuditCheckpoint.ThroughSequence)] = [null, c.ThroughSequence],
            [nameof(AuditCheckpoint.ThroughHash)] = [null, c.ThroughHash],
            [nameof(AuditCheckpoint.FileName)] = [null, c.FileName],
            [nameof(AuditCheckpoint.FileSha256)] = [null, c.FileSha256],
        }));

    /// <summary>The last sequence written before the date: a binary search over the chain (times grow with the sequence).</summary>
    private static async Task<long> CutAsync(TrinnDbContext db, long from, DateTime beforeUtc, CancellationToken ct)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        var high = await entries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var low = from - 1;

        // Invariant: entries up to low were written before the date (or archived); those after high were not.
        while (low < high)
        {
            var mid = low + ((high - low + 1) / 2);
            var at = await entries.Where(e => e.Sequence >= mid).OrderBy(e => e.Sequence).Select(e => (DateTime?)e.AtUtc).FirstOrDefaultAsync(ct);
            if (at is { } t && t < beforeUtc)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private static async Task<string> FileDigestAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>Walks entries in order and throws at the first that does not continue the chain.</summary>
    private sealed class ChainCheck(long first, string previous)
    {
        private long _expected = first;

        public string Previous { get; private set; } = previous;

        public void Next(AuditEntry entry)
        {
            if (entry.Sequence != _expected)
            {
                throw new ChainBrokenException(_expected, $"entry #{_expected} is missing");
            }

            if (entry.PreviousHash != Previous)
            {
                throw new ChainBrokenException(entry.Sequence, $"entry #{entry.Sequence} does not link to entry #{entry.Sequence - 1}");
            }

            if (entry.ComputeHash() != entry.Hash || !entry.PayloadMatchesDigest())
            {
                throw new ChainBrokenException(entry.Sequence, $"entry #{entry.Sequence} was changed after it was written");
            }

            Previous = entry.Hash;
            _expected++;
        }

        public void End(long through)
        {
            if (_expected != through + 1)
            {
                throw new ChainBrokenException(_expected, $"entry #{_expected} is missing");
            }
        }
    }

    /// <summary>One line of an archive file: every stored field of the entry.</summary>
    private sealed record ArchivedEntry(
        long Id, long Sequence, DateTime AtUtc, string? UserId, string? Role, AuditAction Action, string EntityType, string? EntityId,
        int? CandidateId, string? Changes, string ChangesDigest, string PreviousHash, string Hash)
    {
        public static ArchivedEntry Of(AuditEntry e) =>
            new(e.Id, e.Sequence, e.AtUtc, e.UserId, e.Role, e.Action, e.EntityType, e.EntityId, e.CandidateId, e.Changes, e.ChangesDigest, e.PreviousHash, e.Hash);

        public AuditEntry ToEntry() => new()
        {
            Id = Id,
            Sequence = Sequence,
            AtUtc = DateTime.SpecifyKind(AtUtc, DateTimeKind.Utc),
            UserId = UserId,
            Role = Role,
            Action = Action,
            EntityType = EntityType,
            EntityId = EntityId,
            CandidateId = CandidateId,
            Changes = Changes,
            ChangesDigest = ChangesDigest,
            PreviousHash = PreviousHash,
            Hash = Hash,
        };
    }
}

/// <summary>The chain does not continue at <see cref="Sequence"/>; nothing was archived.</summary>
public sealed class ChainBrokenException : Exception
{
    public ChainBrokenException(long sequence, string message)
        : base(message)
    {
        Sequence = sequence;
    }

    public ChainBrokenException()
    {
    }

    public ChainBrokenException(string message)
        : base(message)
    {
    }

    public ChainBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Sequence { get; }
}
