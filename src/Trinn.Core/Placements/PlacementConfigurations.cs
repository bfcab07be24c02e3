using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Placements;

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.Property(p => p.Kind);
        builder.Property(p => p.Market);
        builder.Property(p => p.PositionPercent);
        builder.Property(p => p.StartDate);
        builder.Property(p => p.EndDate);
        builder.Property(p => p.Ending);
        builder.Property(p => p.RegisteredById).HasMaxLength(450);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsPaid);
        builder.Ignore(p => p.Days);
        builder.Ignore(p => p.JobbsmakTooLong);
        builder.HasOne(p => p.Candidate).WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Employer).WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Measures).WithOne(m => m.Placement).HasForeignKey(m => m.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.CandidateId, p.StartDate });
        builder.HasIndex(p => p.EmployerId);
    }
}

internal sealed class SupportMeasureConfiguration : IEntityTypeConfiguration<SupportMeasure>
{
    public void Configure(EntityTypeBuilder<SupportMeasure> builder)
    {
        builder.Property(m => m.Kind);
        builder.Property(m => m.FromDate);
        builder.Property(m => m.ToDate);
        builder.Property(m => m.Percent);
        builder.Property(m => m.NextReviewDate);
        builder.Property(m => m.LastReviewedOn);
        builder.Property(m => m.MentorName).HasMaxLength(100);
        builder.Property(m => m.HoursPerMonth).HasPrecision(6, 2);
        builder.Property(m => m.Amount).HasPrecision(12, 2);
        builder.Property(m => m.Text).HasMaxLength(SupportMeasure.TextMaxLength);
        builder.Property(m => m.ReviewNote).HasMaxLength(SupportMeasure.TextMaxLength);
        builder.Property(m => m.MentorMandate).HasMaxLength(SupportMeasure.TextMaxLength);
        builder.Property(m => m.MentorTraining).HasMaxLength(SupportMeasure.TextMaxLength);
        builder.Property(m => m.JointFrom);
        builder.Property(m => m.JointTo);
        builder.Property(m => m.Version).IsConcurrencyToken();
        // The review warning looks for wage subsidies by review date.
        builder.HasIndex(m => new { m.Kind, m.NextReviewDate });
        builder.HasIndex(m => m.PlacementId);
    }
}
