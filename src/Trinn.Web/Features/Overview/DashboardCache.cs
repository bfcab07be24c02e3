using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Trinn.Core.Candidates;
using Trinn.Core.Indicators;

namespace Trinn.Web.Features.Overview;

/// <summary>
/// The loaded rows and computed figures of recent dashboards, per team, period, programme and day, reused while no data
/// has changed. Each use first reads <see cref="AuditHead.LastChangeSequence"/> (one primary-key read), which every
/// change saved through Trinn moves in the transaction that saves it, on whichever app instance saved it; an entry
/// filled before that change no longer matches and is loaded again. Nothing in it depends on who looks: the role
/// rules (whose figures, small-cell suppression) are applied to it per request.
/// </summary>
public sealed class DashboardCache : IDisposable
{
    /// <summary>Dashboards kept at most (a team's 12 months is a few thousand rows); the least used go first.</summary>
    public const int MaxEntries = 128;

    /// <summary>
    /// How long an entry is kept at most, so that a change made past Trinn's save path (SQL by hand, which moves no
    /// change sequence) shows within this time.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly ConcurrentDictionary<DashboardKey, Task<DashboardFigures>> _loading = new();
    private long _loads;

    /// <summary>How many times the figures were loaded from the database rather than reused (for tests and diagnostics).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>The figures for the key, from the cache when nothing changed since they were loaded, else from <paramref name="load"/>.</summary>
    public async Task<DashboardFigures> GetAsync(
        TrinnDbContext db, DashboardKey key, Func<CancellationToken, Task<DashboardFigures>> load, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(load);
        // Read before loading: the rows loaded are at least this new, so an entry is never newer than its version says.
        var version = await db.Set<AuditHead>().AsNoTracking().Where(h => h.Id == AuditHead.SingletonId)
            .Select(h => h.LastChangeSequence).SingleAsync(ct);
        if (_entries.TryGetValue(key, out DashboardFigures? cached) && cached!.Version == version)
        {
            return cached;
        }

        // One load per key at a time: requests that miss together (the first views after a change) wait for the load
        // already running rather than each loading the same rows.
        var mine = new TaskCompletionSource<DashboardFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _loading.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            try
            {
                var shared = await running.WaitAsync(ct);
                if (shared.Version >= version)
                {
                    return shared;
                }
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // The other request's load failed or was cancelled with it: load here.
            }

            return await LoadAsync(key, version, load, ct);
        }

        try
        {
            // A load that finished between the look-up above and taking the turn has already filled the entry.
            var fresh = _entries.TryGetValue(key, out DashboardFigures? filled) && filled!.Version == version
                ? filled
                : await LoadAsync(key, version, load, ct);
            mine.SetResult(fresh);
            return fresh;
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            _ = mine.Task.Exception; // observed: the waiting requests load for themselves
            throw;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<DashboardKey, Task<DashboardFigures>>(key, mine.Task));
        }
    }

    private async Task<DashboardFigures> LoadAsync(
        DashboardKey key, long version, Func<CancellationToken, Task<DashboardFigures>> load, CancellationToken ct)
    {
        Interlocked.Increment(ref _loads);
        var fresh = await load(ct);
        fresh.Version = version;
        _entries.Set(key, fresh, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        return fresh;
    }

    public void Dispose() => _entries.Dispose();
}

/// <summary>What a cached dashboard is for: the team, the period, the programme filter and the day it was computed on.</summary>
public readonly record struct DashboardKey(int TeamId, DatePeriod Period, Programme? Programme, DateOnly Today);

/// <summary>
/// One team's loaded rows and its computed figures; each specialist's figures are computed on first use and kept
/// with them. Read-only once built, so requests share it.
/// </summary>
public sealed class DashboardFigures(IndicatorData data, IndicatorReport report, IReadOnlyList<FidelityDataItem> fidelity)
{
    private readonly ConcurrentDictionary<(string UserId, bool WithTrend), Lazy<(IndicatorReport Report, IReadOnlyList<FidelityDataItem> Fidelity)>> _individual = new();

    public IndicatorData Data { get; } = data;

    public IndicatorReport Report { get; } = report;

    public IReadOnlyList<FidelityDataItem> Fidelity { get; } = fidelity;

    /// <summary>The <see cref="AuditHead.LastChangeSequence"/> read before the rows were loaded.</summary>
    public long Version { get; internal set; }

    /// <summary>One specialist's figures, computed once per cached dashboard.</summary>
    public (IndicatorReport Report, IReadOnlyList<FidelityDataItem> Fidelity) Individual(
        string userId, bool withTrend, Func<(IndicatorReport, IReadOnlyList<FidelityDataItem>)> compute) =>
        _individual.GetOrAdd((userId, withTrend), _ => new Lazy<(IndicatorReport, IReadOnlyList<FidelityDataItem>)>(compute)).Value;
}
