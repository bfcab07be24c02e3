using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trinn.Core.Candidates;
using Trinn.Core.Identity;
using Trinn.Core.NationalIds;
using Trinn.Core.Teams;

namespace Trinn.Core.Data;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class TrinnUserConfiguration : IEntityTypeConfiguration<TrinnUser>
{
    public void Configure(EntityTypeBuilder<TrinnUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Fte).HasPrecision(4, 2);
        builder.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(Candidate.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Candidate.NameMaxLength);
        // Encrypted at rest with a random nonce; NationalIdHash serves exact lookups.
        builder.Property(c => c.NationalId).HasMaxLength(200).HasConversion(
            v => NationalIdProtector.Current.Protect(v),
            v => NationalIdProtector.Current.Unprotect(v));
        builder.Property(c => c.NationalIdHash).HasMaxLength(64);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Email).HasMaxLength(200);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.NextAction).HasMaxLength(Candidate.NextActionMaxLength);
        builder.Property(c => c.DischargeNote).HasMaxLength(Candidate.ReasonMaxLength);
        builder.Property(c => c.Stage);
        builder.Property(c => c.StageSince);
        builder.Property(c => c.DischargedOn);
        builder.Property(c => c.DischargeOutcome);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Status);
        builder.Ignore(c => c.FullName);

        builder.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.PrimarySpecialist).WithMany().HasForeignKey(c => c.PrimarySpecialistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.BackupSpecialist).WithMany().HasForeignKey(c => c.BackupSpecialistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Referral).WithOne(r => r.Candidate).HasForeignKey<Referral>(r => r.CandidateId);
        builder.HasOne(c => c.Agreement).WithOne(a => a.Candidate).HasForeignKey<CooperationAgreement>(a => a.CandidateId);
        builder.HasMany(c => c.StageChanges).WithOne().HasForeignKey(s => s.CandidateId);
        builder.HasMany(c => c.JournalNotes).WithOne(n => n.Candidate).HasForeignKey(n => n.CandidateId);
        builder.HasMany(c => c.ProfileVersions).WithOne().HasForeignKey(p => p.CandidateId);
        // Existing rows get UO; a new candidate always sends its own value (0 is never a programme).
        builder.Property(c => c.Programme).HasDefaultValue(Programme.UtvidetOppfolging).HasSentinel((Programme)0);
        builder.HasMany(c => c.Discharges).WithOne().HasForeignKey(d => d.CandidateId).OnDelete(DeleteBehavior.Cascade);

        // Portfolio and team lists filter on these.
        builder.HasIndex(c => new { c.TeamId, c.DischargedOn, c.Stage });
        builder.HasIndex(c => new { c.PrimarySpecialistId, c.DischargedOn });
        builder.HasIndex(c => c.BackupSpecialistId);
        builder.HasIndex(c => new { c.NationalIdHash, c.TeamId });
        builder.HasIndex(c => new { c.TeamId, c.Programme });
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(Referral.ReasonMaxLength);
        builder.HasOne(r => r.ReferredBy).WithMany().HasForeignKey(r => r.ReferredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CandidateId).IsUnique();
        builder.HasIndex(r => new { r.ReferredById, r.ReferredOn });
    }
}

internal sealed class CooperationAgreementConfiguration : IEntityTypeConfiguration<CooperationAgreement>
{
    public void Configure(EntityTypeBuilder<CooperationAgreement> builder)
    {
        builder.Property(a => a.Agreed).HasMaxLength(CooperationAgreement.AgreedMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.CandidateId).IsUnique();
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(Candidate.ReasonMaxLength);
        builder.Property(s => s.ByUserId).HasMaxLength(450);
        builder.Ignore(s => s.IsBackward);
        builder.HasIndex(s => new { s.CandidateId, s.Date });
    }
}

internal sealed class VocationalProfileVersionConfiguration : IEntityTypeConfiguration<VocationalProfileVersion>
{
    public void Configure(EntityTypeBuilder<VocationalProfileVersion> builder)
    {
        foreach (var p in new[]
                 {
                     nameof(VocationalProfileVersion.Interests), nameof(VocationalProfileVersion.WorkExperience),
                     nameof(VocationalProfileVersion.Education), nameof(VocationalProfileVersion.Strengths),
                     nameof(VocationalProfileVersion.Challenges), nameof(VocationalProfileVersion.Friskfaktorer),
                     nameof(VocationalProfileVersion.PreferredIndustries), nameof(VocationalProfileVersion.PreferredHours),
                     nameof(VocationalProfileVersion.PreferredPlaces), nameof(VocationalProfileVersion.Adaptations),
                     nameof(VocationalProfileVersion.PersonalContacts),
                 })
        {
            builder.Property<string?>(p).HasMaxLength(VocationalProfileVersion.FieldMaxLength);
        }

        builder.Property(p => p.SavedById).HasMaxLength(450);
        // Two saves from the same base version collide here instead of silently interleaving.
        builder.HasIndex(p => new { p.CandidateId, p.VersionNumber }).IsUnique();
    }
}
