using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Candidates;

/// <summary>
/// One discharge (utskriving) with the handover summary the NAV-veileder reads: the outcome and what was agreed. When a
/// candidate who lost the job is taken back (<see cref="Candidate.TakeBack"/>), the record stays, marked taken back.
/// </summary>
public class DischargeRecord
{
    public const int HandoverMaxLength = 2000;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public DateOnly DischargedOn { get; init; }

    public DischargeOutcome Outcome { get; init; }

    /// <summary>The team's own note (not shown to the NAV-veileder).</summary>
    public string? Note { get; init; }

    /// <summary>What was agreed at discharge, for the NAV-veileder taking over.</summary>
    public string? HandoverAgreed { get; init; }

    public DateOnly? TakenBackOn { get; private set; }

    public string? TakeBackReason { get; private set; }

    public string? TakenBackById { get; private set; }

    internal void MarkTakenBack(DateOnly date, string reason, string byUserId)
    {
        TakenBackOn = date;
        TakeBackReason = reason;
        TakenBackById = byUserId;
    }
}

internal sealed class DischargeRecordConfiguration : IEntityTypeConfiguration<DischargeRecord>
{
    public void Configure(EntityTypeBuilder<DischargeRecord> builder)
    {
        builder.Property(d => d.Note).HasMaxLength(Candidate.ReasonMaxLength);
        builder.Property(d => d.HandoverAgreed).HasMaxLength(DischargeRecord.HandoverMaxLength);
        builder.Property(d => d.TakenBackOn);
        builder.Property(d => d.TakeBackReason).HasMaxLength(Candidate.ReasonMaxLength);
        builder.Property(d => d.TakenBackById).HasMaxLength(450);
        builder.HasIndex(d => new { d.CandidateId, d.DischargedOn });
    }
}
