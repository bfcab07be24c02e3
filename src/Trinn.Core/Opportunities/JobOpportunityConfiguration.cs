using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Opportunities;

internal sealed class JobOpportunityConfiguration : IEntityTypeConfiguration<JobOpportunity>
{
    public void Configure(EntityTypeBuilder<JobOpportunity> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(JobOpportunity.TitleMaxLength);
        builder.Property(o => o.Tasks).HasMaxLength(JobOpportunity.TextMaxLength);
        builder.Property(o => o.HoursPerWeek);
        builder.Property(o => o.HoursNote).HasMaxLength(JobOpportunity.ShortTextMaxLength);
        builder.Property(o => o.Place).HasMaxLength(JobOpportunity.ShortTextMaxLength);
        builder.Property(o => o.Requirements).HasMaxLength(JobOpportunity.TextMaxLength);
        builder.Property(o => o.Industry).HasMaxLength(JobOpportunity.ShortTextMaxLength);
        builder.Property(o => o.Status);
        builder.Property(o => o.CarvedForCandidateId);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne(o => o.Employer).WithMany().HasForeignKey(o => o.EmployerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.CarvedForCandidate).WithMany().HasForeignKey(o => o.CarvedForCandidateId).OnDelete(DeleteBehavior.SetNull);

        // The employer page (its opportunities) and the matching (open ones).
        builder.HasIndex(o => new { o.EmployerId, o.Status });
        builder.HasIndex(o => o.Status);
        builder.HasIndex(o => o.CarvedForCandidateId);
    }
}
