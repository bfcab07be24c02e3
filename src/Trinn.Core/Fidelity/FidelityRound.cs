using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Common;
using Trinn.Core.Data;
using Trinn.Core.Teams;

namespace Trinn.Core.Fidelity;

/// <summary>
/// One time point at which a team answers the fidelity scale ("Inklusjon", "3 mnd", ...). Answers are taken from
/// <see cref="OpensOn"/> through <see cref="ClosesOn"/> (both days included, Norwegian dates).
/// </summary>
public class FidelityRound
{
    public const int LabelMaxLength = 40;

    /// <summary>The report's four time points, in order; other labels sort after them.</summary>
    public static readonly IReadOnlyList<string> SuggestedLabels = ["Inklusjon", "3 mnd", "12 mnd", "18 mnd"];

    public int Id { get; set; }

    public int TeamId { get; set; }

    public Team? Team { get; set; }

    public required string Label { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    public required string InstrumentKey { get; set; }

    public int InstrumentVersion { get; set; }

    public required string CreatedById { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// Who is expected to answer, chosen by the metodeveileder (the report's practice: the job specialists, and the
    /// metodeveileder when they have client work). Empty for rounds opened before the choice existed: then everyone.
    /// </summary>
    public List<FidelityRoundRespondent> ExpectedRespondents { get; } = [];

    public bool IsOpen(DateOnly today) => today >= OpensOn && today <= ClosesOn;

    public bool IsClosed(DateOnly today) => today > ClosesOn;

    /// <summary>
    /// Opens a round for a team. Rules (field errors, keys in FidelityResource): a label is required; the close date
    /// is on or after the open date and not in the past; a team cannot have two rounds with the same label that are
    /// not yet closed (a closed round's label may be used again, e.g. to repeat "3 mnd" after a failed round).
    /// </summary>
    public static async Task<FidelityRound> OpenAsync(
        TrinnDbContext db, int teamId, string label, DateOnly opensOn, DateOnly closesOn,
        InstrumentVersion instrument, string createdById, DateOnly today, DateTime nowUtc, CancellationToken ct = default) =>
        await OpenAsync(db, teamId, label, opensOn, closesOn, instrument, createdById, null, today, nowUtc, ct);

    /// <summary>
    /// Opens a round with the people expected to answer (<paramref name="expectedRespondentIds"/>, the team's
    /// respondents as checked by the caller); null keeps the earlier behaviour of everyone in the team, an empty list is
    /// refused.
    /// </summary>
    public static async Task<FidelityRound> OpenAsync(
        TrinnDbContext db, int teamId, string label, DateOnly opensOn, DateOnly closesOn,
        InstrumentVersion instrument, string createdById, IReadOnlyCollection<string>? expectedRespondentIds, DateOnly today, DateTime nowUtc,
        CancellationToken ct = default)
    {
        if (expectedRespondentIds is { Count: 0 })
        {
            throw new DomainException(nameof(ExpectedRespondents), "Error_NoRespondents");
        }

        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instrument);
        label = (label ?? "").Trim();
        if (label.Length == 0)
        {
            throw new DomainException(nameof(Label), "Error_LabelRequired");
        }

        if (label.Length > LabelMaxLength)
        {
            throw new DomainException(nameof(Label), "Error_LabelTooLong");
        }

        if (closesOn < opensOn)
        {
            throw new DomainException(nameof(ClosesOn), "Error_ClosesBeforeOpens");
        }

        if (closesOn < today)
        {
            throw new DomainException(nameof(ClosesOn), "Error_ClosesInPast");
        }

        var labelInUse = await db.Set<FidelityRound>()
            .AnyAsync(r => r.TeamId == teamId && r.Label == label && r.ClosesOn >= today, ct);
        if (labelInUse)
        {
            throw new DomainException(nameof(Label), "Error_LabelInUse");
        }

        var round = new FidelityRound
        {
            TeamId = teamId,
            Label = label,
            OpensOn = opensOn,
            ClosesOn = closesOn,
            InstrumentKey = instrument.Key,
            InstrumentVersion = instrument.Version,
            CreatedById = createdById,
            CreatedAtUtc = nowUtc,
        };
        round.ExpectedRespondents.AddRange((expectedRespondentIds ?? []).Distinct(StringComparer.Ordinal).Select(id => new FidelityRoundRespondent { UserId = id }));
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Sort key for labels: the report's time points first in their order, then the rest.</summary>
    public static int LabelOrder(string label)
    {
        for (var i = 0; i < SuggestedLabels.Count; i++)
        {
            if (string.Equals(SuggestedLabels[i], label, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return SuggestedLabels.Count;
    }
}

/// <summary>One person expected to answer a round.</summary>
public class FidelityRoundRespondent
{
    public int FidelityRoundId { get; set; }

    public required string UserId { get; init; }
}

internal sealed class FidelityRoundRespondentConfiguration : IEntityTypeConfiguration<FidelityRoundRespondent>
{
    public void Configure(EntityTypeBuilder<FidelityRoundRespondent> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasKey(r => new { r.FidelityRoundId, r.UserId });
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FidelityRoundConfiguration : IEntityTypeConfiguration<FidelityRound>
{
    public void Configure(EntityTypeBuilder<FidelityRound> builder)
    {
        builder.Property(r => r.Label).HasMaxLength(FidelityRound.LabelMaxLength);
        builder.Property(r => r.InstrumentKey).HasMaxLength(InstrumentVersion.KeyMaxLength);
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstrumentVersion>().WithMany()
            .HasForeignKey(r => new { r.InstrumentKey, r.InstrumentVersion })
            .HasPrincipalKey(v => new { v.Key, v.Version })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.ExpectedRespondents).WithOne().HasForeignKey(e => e.FidelityRoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TeamId, r.OpensOn });
    }
}
