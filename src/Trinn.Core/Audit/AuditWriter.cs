using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Trinn.Core.Data;

namespace Trinn.Core.Audit;

/// <summary>
/// Group commit for the audit trail. A request hands its events to <see cref="AppendAsync"/> and waits; one writer
/// takes everything that is waiting, appends it to the chain in one transaction, and releases all those requests when
/// that transaction has committed. So no response leaves before its audit entries are durable (the guarantee stays),
/// but requests no longer take turns for a transaction and a disk flush each: while one batch commits, the next
/// gathers. Several app instances each have a writer; they take turns on the chain's head row, which keeps the chain
/// intact (<see cref="AuditChain.AppendAsync(TrinnDbContext, IReadOnlyList{AuditRecord}, DateTime, CancellationToken)"/>).
/// </summary>
public sealed partial class AuditWriter : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many events in one transaction; more wait for the next one.</summary>
    public const int MaxBatch = 2000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<TrinnDbContext> _open;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _batches;
    private long _events;
    private long _oneStatementBatches;

    /// <summary>Where this writer's last batch left the chain; null when unknown (at start, or after a failed batch).</summary>
    private AuditChainEnd? _end;

    /// <param name="open">Opens a context of the writer's own (it is disposed after each batch).</param>
    public AuditWriter(Func<TrinnDbContext> open, TimeProvider time, ILogger<AuditWriter> logger)
    {
        _open = open;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Transactions committed so far, and the events in them (for tests and diagnostics).</summary>
    public (long Batches, long Events) Committed => (Interlocked.Read(ref _batches), Interlocked.Read(ref _events));

    /// <summary>
    /// Of <see cref="Committed"/>'s batches, those appended in one statement after this writer's previous batch
    /// (PostgreSQL; see <see cref="CommitAsync"/>), for tests and diagnostics.
    /// </summary>
    public long OneStatementBatches => Interlocked.Read(ref _oneStatementBatches);

    /// <summary>
    /// Appends the events for this actor and returns when they are committed. Throws what the database threw when the
    /// batch could not be committed (then none of its events were stored).
    /// </summary>
    public Task AppendAsync(IReadOnlyList<AuditEvent> events, string? userId, string? role, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new Pending(events.Select(e => new AuditRecord(e, userId, role)).ToList());
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AuditWriter), "The audit writer has stopped; nothing can be audited.");
        }

        // A caller that gives up (aborted request) stops waiting; its events are still written.
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>Stops taking events and returns when those already handed over are committed (or failed).</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait(TimeSpan.FromSeconds(30));
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var records = new List<AuditRecord>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            records.Clear();
            while (records.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                records.AddRange(next.Records);
            }

            try
            {
                await CommitAsync(records);
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _events, records.Count);
                foreach (var p in batch)
                {
                    p.Done.TrySetResult();
                }
            }
#pragma warning disable CA1031 // Whatever failed, the waiting requests must hear it and the writer must go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(_logger, ex, records.Count);
                foreach (var p in batch)
                {
                    p.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>
    /// Appends one batch. On PostgreSQL, when the chain still ends where this writer's previous batch left it (nobody else
    /// appended meanwhile: no other instance, no change saved in this one) and the batch records no change, one statement
    /// appends it and commits (<see cref="AuditChain.TryAppendAfterAsync"/>): one round trip instead of four, which on the
    /// national benchmark made the audited candidate API about a third faster. Otherwise, or when that statement finds the
    /// chain moved, the batch takes the head's lock in a transaction of its own.
    /// </summary>
    private async Task CommitAsync(List<AuditRecord> records)
    {
        var after = _end;
        _end = null;
        var now = _time.GetUtcNow().UtcDateTime;
        await using var db = _open();
        if (after is { } known && AuditChain.AppendsInOneStatement(db) && records.TrueForAll(r => !AuditChain.RecordsChange(r.Event.Action))
            && await AuditChain.TryAppendAfterAsync(db, records, known, now) is { } end)
        {
            _end = end;
            Interlocked.Increment(ref _oneStatementBatches);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var locked = await AuditChain.AppendAsync(db, records, now);
        await transaction.CommitAsync();
        _end = locked;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit batch of {Count} events could not be committed; the requests waiting for it were refused")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed class Pending(List<AuditRecord> records)
    {
        public List<AuditRecord> Records { get; } = records;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>An event with the actor it is recorded for (the writer runs outside the request that caused it).</summary>
public sealed record AuditRecord(AuditEvent Event, string? UserId, string? Role);
