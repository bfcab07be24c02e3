using System.Collections.Concurrent;

namespace Trinn.Web.Features.Api;

/// <summary>
/// The documents of <c>GET /api/candidates/{id}</c> kept in memory, on PostgreSQL only, so that a repeated read of a
/// candidate costs no read of the database (its audit entry is still written, durably, before the answer leaves).
/// <para>
/// A document is dropped when its candidate changes: at once when the change committed in this process
/// (<see cref="CandidateChangeFeed"/>, before the save returns to its caller), and shortly after the commit when it was
/// made elsewhere (another app instance, the CLI), by PostgreSQL's notification that <see cref="CandidateChangeListener"/>
/// receives. While that listener is not listening (at start, after a lost connection, on SQLite), nothing is served or
/// kept, and everything kept is dropped when it starts listening again, since notifications sent meanwhile were lost.
/// A change made past Trinn's save path (SQL by hand) shows within <see cref="MaxAge"/>, as in the dashboard cache.
/// </para>
/// <para>
/// A read that races a change never keeps what it read: each candidate falls in one of <see cref="Stripes"/> stripes
/// whose counter every drop moves first; a document read from the database is kept only if neither its stripe's counter
/// nor the cache's epoch (moved by dropping everything) changed between before the read and after keeping it.
/// </para>
/// </summary>
public sealed class CandidateDocumentCache : IDisposable
{
    /// <summary>Documents kept at most (about 1–2 KB each); past it the cache starts over.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>The most a document is kept, so that a change made past Trinn's save path shows within it.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private const int Stripes = 4096;

    private readonly CandidateDocumentReader _reader;
    private readonly CandidateChangeFeed _feed;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly long[] _stripes = new long[Stripes];
    private long _epoch;
    private long _fills;
    private long _hits;
    private long _drops;
    private volatile bool _listening;

    public CandidateDocumentCache(CandidateDocumentReader reader, CandidateChangeFeed feed, TimeProvider time)
    {
        _reader = reader;
        _feed = feed;
        _time = time;
        _feed.Committed += Drop;
    }

    /// <summary>Whether documents are served and kept (the listener is listening).</summary>
    public bool IsListening => _listening;

    /// <summary>Reads answered from memory (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Drops of candidates or of everything (for tests and diagnostics).</summary>
    public long Drops => Interlocked.Read(ref _drops);

    /// <summary>The candidate's document when it belongs to the team, otherwise null; from memory when it is kept.</summary>
    public Task<CandidateDocument?> ReadAsync(TrinnDbContext db, int teamId, int id, CancellationToken ct = default) =>
        GetAsync(teamId, id, token => _reader.ReadAsync(db, teamId, id, token), ct);

    /// <summary>As <see cref="ReadAsync"/>, with the database read given (for tests of the rules above).</summary>
    public async Task<CandidateDocument?> GetAsync(
        int teamId, int id, Func<CancellationToken, Task<CandidateDocument?>> read, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!_listening)
        {
            return await read(ct);
        }

        var now = _time.GetTimestamp();
        if (_entries.TryGetValue(id, out var kept) && kept.TeamId == teamId && _time.GetElapsedTime(kept.ReadAt, now) < MaxAge)
        {
            Interlocked.Increment(ref _hits);
            return kept.Document;
        }

        var epoch = Interlocked.Read(ref _epoch);
        var stripe = Interlocked.Read(ref _stripes[Stripe(id)]);
        var document = await read(ct);
        if (document is null)
        {
            return null;
        }

        var entry = new Entry(teamId, document, now);
        _entries[id] = entry;
        if (!_listening || Interlocked.Read(ref _epoch) != epoch || Interlocked.Read(ref _stripes[Stripe(id)]) != stripe)
        {
            // A drop came while reading or keeping: what was read may be older than the change, so it is not kept.
            _entries.TryRemove(KeyValuePair.Create(id, entry));
        }
        else if (Interlocked.Increment(ref _fills) % 1024 == 0 && _entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        return document;
    }

    /// <summary>Drops the candidates' documents; null drops everything.</summary>
    public void Drop(IReadOnlyCollection<int>? candidateIds)
    {
        Interlocked.Increment(ref _drops);
        if (candidateIds is null)
        {
            DropAll();
            return;
        }

        foreach (var id in candidateIds)
        {
            // The stripe moves before the removal, so a read that kept its document after the removal sees it moved.
            Interlocked.Increment(ref _stripes[Stripe(id)]);
            _entries.TryRemove(id, out _);
        }
    }

    /// <summary>The listener listens: from now on every change elsewhere is heard, so documents may be kept.</summary>
    public void StartListening()
    {
        DropAll();
        _listening = true;
    }

    /// <summary>The listener lost its connection or stopped: changes elsewhere are no longer heard.</summary>
    public void StopListening()
    {
        _listening = false;
        DropAll();
    }

    public void Dispose() => _feed.Committed -= Drop;

    private void DropAll()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }

    private static int Stripe(int id) => id & (Stripes - 1);

    private sealed record Entry(int TeamId, CandidateDocument Document, long ReadAt);
}
