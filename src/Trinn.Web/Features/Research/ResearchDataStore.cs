using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Research;

/// <summary>Limits of the research pages (section "Research").</summary>
public sealed class ResearchOptions
{
    public const string SectionName = "Research";

    /// <summary>Largest CSV a forsker may upload.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long an upload is kept after its last use.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 60)]
    public int KeepMinutes { get; set; } = 30;

    /// <summary>Memory all kept uploads together may take (estimated); the least recently used go first.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024 * 1024, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 512L * 1024 * 1024;
}

/// <summary>An uploaded table, kept for one user.</summary>
public sealed record UploadedTable(string Id, string FileName, long Bytes, CsvTable Table);

/// <summary>
/// Keeps each forsker's most recent upload in this process's memory only: one table per user, replaced by the next
/// upload, removed on "Fjern filen" and at logout, and dropped after <see cref="ResearchOptions.KeepMinutes"/>
/// without use or when memory runs short. Nothing is written to disk or to the database, so nothing survives the
/// session or a restart. (With several app instances a user may land on one that lacks the table and is asked to
/// upload again.)
/// </summary>
public sealed class ResearchDataStore(IOptions<ResearchOptions> options) : IDisposable
{
    // Parsed text takes roughly four times the file's bytes (UTF-16 strings, arrays, parsed columns).
    private const int MemoryPerByte = 4;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxTotalBytes });

    public UploadedTable Put(string userId, string fileName, long bytes, CsvTable table)
    {
        var entry = new UploadedTable(Guid.NewGuid().ToString("N"), fileName, bytes, table);
        cache.Set(Key(userId), entry, new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, bytes * MemoryPerByte),
            SlidingExpiration = TimeSpan.FromMinutes(options.Value.KeepMinutes),
        });
        return entry;
    }

    public UploadedTable? Get(string userId) => cache.TryGetValue(Key(userId), out UploadedTable? entry) ? entry : null;

    public void Remove(string userId) => cache.Remove(Key(userId));

    public void Dispose() => cache.Dispose();

    private static string Key(string userId) => "research:" + userId;
}
