using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Common;

namespace Trinn.Core.Duration;

/// <summary>
/// The time a candidate may have follow-up, after Forskrift om oppfølgingstjenester i egen regi § 5: up to 6 months
/// from the start, "kan forlenges med ytterligere seks måneder" (in one or more steps, each with a reason) to 12 months
/// in all, and for persons with reduced work capacity (nedsatt arbeidsevne) up to 3 years in all. End dates are the
/// last day of follow-up.
/// </summary>
public class FollowUpPeriod : IVersioned
{
    public const int BaseMonths = 6;
    public const int ExtendedMonths = 12;
    public const int ReducedCapacityMonths = 36;
    public const int WarningDays = 30;
    public const int ReasonMaxLength = 1000;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public Candidate? Candidate { get; set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>Registered with nedsatt arbeidsevne: allows up to 3 years in all.</summary>
    public bool ReducedWorkCapacity { get; private set; }

    public long Version { get; set; }

    public List<PeriodExtension> Extensions { get; } = [];

    /// <summary>The last day any extension may reach.</summary>
    public DateOnly Limit => LimitFor(StartDate, ReducedWorkCapacity);

    public static DateOnly LimitFor(DateOnly start, bool reducedWorkCapacity) =>
        start.AddMonths(reducedWorkCapacity ? ReducedCapacityMonths : ExtendedMonths).AddDays(-1);

    public static FollowUpPeriod Start(int candidateId, DateOnly start, bool reducedWorkCapacity) => new()
    {
        CandidateId = candidateId,
        StartDate = start,
        EndDate = start.AddMonths(BaseMonths).AddDays(-1),
        ReducedWorkCapacity = reducedWorkCapacity,
    };

    public bool EndsSoon(DateOnly today) => EndDate.DayNumber - today.DayNumber <= WarningDays;

    /// <summary>
    /// Extends to a new last day, with a reason. § 5 says "kan forlenges med ytterligere seks måneder" without "once":
    /// any number of extensions, each with its own reason, up to 12 months from the start in all (36 with reduced work
    /// capacity).
    /// </summary>
    public void Extend(DateOnly newEnd, string? reason, string byUserId, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Reason", "Error_Required");
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new DomainException("Reason", "Error_TooLong");
        }

        if (newEnd <= EndDate)
        {
            throw new DomainException(nameof(EndDate), "Error_ExtensionNotLater");
        }

        if (newEnd > Limit)
        {
            throw new DomainException(nameof(EndDate), ReducedWorkCapacity ? "Error_PastThreeYears" : "Error_PastTwelveMonths");
        }

        Extensions.Add(new PeriodExtension { FromEnd = EndDate, ToEnd = newEnd, Reason = reason.Trim(), ByUserId = byUserId, Date = today });
        EndDate = newEnd;
    }

    /// <summary>Changes the reduced-work-capacity registration; refused when the current end would then be past the limit.</summary>
    public void SetReducedWorkCapacity(bool value)
    {
        if (!value && EndDate > LimitFor(StartDate, false))
        {
            throw new DomainException(nameof(ReducedWorkCapacity), "Error_EndPastLimitWithoutReduced");
        }

        ReducedWorkCapacity = value;
    }
}

public class PeriodExtension
{
    public int Id { get; set; }

    public int FollowUpPeriodId { get; set; }

    public DateOnly Date { get; set; }

    public DateOnly FromEnd { get; set; }

    public DateOnly ToEnd { get; set; }

    public required string Reason { get; set; }

    public required string ByUserId { get; set; }
}

internal sealed class FollowUpPeriodConfiguration : IEntityTypeConfiguration<FollowUpPeriod>
{
    public void Configure(EntityTypeBuilder<FollowUpPeriod> builder)
    {
        builder.Property(p => p.StartDate);
        builder.Property(p => p.EndDate);
        builder.Property(p => p.ReducedWorkCapacity);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Limit);
        builder.HasOne(p => p.Candidate).WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Extensions).WithOne().HasForeignKey(e => e.FollowUpPeriodId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CandidateId).IsUnique();
        // Min portefølje looks for periods ending within 30 days.
        builder.HasIndex(p => p.EndDate);
    }
}

internal sealed class PeriodExtensionConfiguration : IEntityTypeConfiguration<PeriodExtension>
{
    public void Configure(EntityTypeBuilder<PeriodExtension> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(FollowUpPeriod.ReasonMaxLength);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
    }
}
