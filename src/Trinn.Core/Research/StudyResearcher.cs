using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Identity;

namespace Trinn.Core.Research;

/// <summary>
/// An admin's grant that lets one forsker see one study (its summary and pseudonymous exports). Without a grant a
/// forsker sees no study at all.
/// </summary>
public class StudyResearcher
{
    public int StudyId { get; set; }

    public Study? Study { get; set; }

    public required string UserId { get; set; }

    public TrinnUser? User { get; set; }

    public required string GrantedById { get; set; }

    public DateTime GrantedAtUtc { get; set; }
}

internal sealed class StudyResearcherConfiguration : IEntityTypeConfiguration<StudyResearcher>
{
    public void Configure(EntityTypeBuilder<StudyResearcher> builder)
    {
        builder.ToTable("StudyResearchers");
        builder.HasKey(r => new { r.StudyId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.GrantedById).HasMaxLength(450);
        builder.HasIndex(r => r.UserId);
        builder.HasOne(r => r.Study).WithMany().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
