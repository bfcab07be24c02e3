using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Audit;

/// <summary>
/// Where the chain in the database starts after older entries were moved to an archive file: the last archived entry's
/// sequence and hash, and the file's digest. The first entry left must link to <see cref="ThroughHash"/>, and an
/// <see cref="AuditAction.Archive"/> entry in the chain records the same values, so a checkpoint changed by hand is
/// found by <c>trinn audit verify</c> (docs/adr/audit-volume.md).
/// </summary>
public class AuditCheckpoint
{
    public const int FileNameMaxLength = 200;

    public int Id { get; set; }

    /// <summary>The last entry moved to the archive.</summary>
    public long ThroughSequence { get; set; }

    /// <summary>That entry's hash: the link the remaining chain starts from.</summary>
    public required string ThroughHash { get; set; }

    /// <summary>The first entry in this archive file (the one after the previous checkpoint).</summary>
    public long FromSequence { get; set; }

    public DateTime ArchivedAtUtc { get; set; }

    /// <summary>The archive file's name (no folder): operators move files, the name and digest identify them.</summary>
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the archive file as written, lower-case hex.</summary>
    public required string FileSha256 { get; set; }
}

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.Property(c => c.ThroughHash).HasMaxLength(64);
        builder.Property(c => c.FileName).HasMaxLength(AuditCheckpoint.FileNameMaxLength);
        builder.Property(c => c.FileSha256).HasMaxLength(64);
        builder.HasIndex(c => c.ThroughSequence).IsUnique();
    }
}
