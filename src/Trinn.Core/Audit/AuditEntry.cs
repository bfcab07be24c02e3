using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Audit;

public enum AuditAction
{
    Read = 1,
    Create = 2,
    Update = 3,
    Delete = 4,
    AccessDenied = 5,
    Export = 6,

    /// <summary>Retention removed a discharged candidate's personal data (no values recorded).</summary>
    Anonymise = 7,

    /// <summary>Entries up to a checkpoint were moved to an archive file (the checkpoint and the file's digest recorded).</summary>
    Archive = 8,
}

/// <summary>
/// One entry of the append-only audit trail. Each entry carries a SHA-256 over its content and the previous
/// entry's hash, so editing or deleting any row breaks the chain from that row on (<see cref="AuditChain.VerifyAsync"/>).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3 … with no gaps: the order of the chain.</summary>
    public long Sequence { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string? Role { get; set; }

    public AuditAction Action { get; set; }

    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public int? CandidateId { get; set; }

    /// <summary>
    /// For changes: JSON object field → [old, new]. Secrets are recorded as changed without values. Retention sets it
    /// to null (redaction) when the candidate it describes is anonymised; <see cref="ChangesDigest"/> stays.
    /// </summary>
    public string? Changes { get; set; }

    /// <summary>
    /// SHA-256 of <see cref="Changes"/> as written ("" when there were none). The chain covers this digest, not the
    /// payload, so the payload can be redacted while every hash and link still checks out (docs/adr/retention.md).
    /// </summary>
    public string ChangesDigest { get; set; } = "";

    /// <summary>The payload was removed by retention: the digest remains, the values are gone.</summary>
    public bool IsRedacted => Changes is null && ChangesDigest.Length > 0;

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public string ComputeHash()
    {
        var content = string.Join(
            '\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            AtUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            UserId ?? "",
            Role ?? "",
            ((int)Action).ToString(CultureInfo.InvariantCulture),
            EntityType,
            EntityId ?? "",
            CandidateId?.ToString(CultureInfo.InvariantCulture) ?? "",
            ChangesDigest,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The digest of a payload: "" for none, otherwise SHA-256 over its UTF-8 bytes in lower-case hex.</summary>
    public static string Digest(string? changes) =>
        changes is null ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(changes)));

    /// <summary>True when the payload is present and matches its digest, or was redacted (payload gone, digest kept).</summary>
    public bool PayloadMatchesDigest() => IsRedacted || Digest(Changes) == ChangesDigest;
}

/// <summary>The head of the chain, one row. Appending locks it first, so concurrent writers take turns.</summary>
public class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }

    /// <summary>
    /// The sequence of the latest entry that records a change of data (anything but a read, a refused access or an
    /// export), moved in the transaction that saves the change. Caches of computed figures compare it to know whether
    /// anything changed since they were filled, whichever app instance saved the change.
    /// </summary>
    public long LastChangeSequence { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Role).HasMaxLength(50);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.ChangesDigest).HasMaxLength(64);
        builder.Ignore(e => e.IsRedacted);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Sequence).IsUnique();

        // Innsyn: a candidate's entries newest first, paged, and the export in chain order (docs/adr/audit-volume.md).
        builder.HasIndex(e => new { e.CandidateId, e.Sequence });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.HasData(new AuditHead { Id = AuditHead.SingletonId, LastSequence = 0, LastHash = AuditChain.GenesisHash });
    }
}
