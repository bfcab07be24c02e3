using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.Employers;

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Employer.NameMaxLength);
        builder.Property(e => e.OrganizationNumber).HasMaxLength(OrganizationNumber.Length);
        builder.Property(e => e.Industry).HasMaxLength(Employer.IndustryMaxLength);
        builder.Property(e => e.Address).HasMaxLength(Employer.AddressMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Team).WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.ContactPersons).WithOne().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Contacts).WithOne(c => c.Employer).HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Cascade);

        // One register per team: the same organisation once, and the list is filtered and sorted by name.
        builder.HasIndex(e => new { e.TeamId, e.OrganizationNumber }).IsUnique();
        builder.HasIndex(e => new { e.TeamId, e.Name });
    }
}

internal sealed class EmployerContactPersonConfiguration : IEntityTypeConfiguration<EmployerContactPerson>
{
    public void Configure(EntityTypeBuilder<EmployerContactPerson> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(EmployerContactPerson.NameMaxLength);
        builder.Property(p => p.Role).HasMaxLength(100);
        builder.Property(p => p.Phone).HasMaxLength(30);
        builder.Property(p => p.Email).HasMaxLength(200);
    }
}

internal sealed class EmployerContactConfiguration : IEntityTypeConfiguration<EmployerContact>
{
    public void Configure(EntityTypeBuilder<EmployerContact> builder)
    {
        builder.Property(c => c.SpecialistId).HasMaxLength(450);
        builder.Property(c => c.Note).HasMaxLength(EmployerContact.NoteMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne(c => c.Specialist).WithMany().HasForeignKey(c => c.SpecialistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Candidates).WithOne().HasForeignKey(l => l.EmployerContactId).OnDelete(DeleteBehavior.Cascade);

        // Employer page (contacts of one employer by date) and week view (a team's contacts in a date range).
        builder.HasIndex(c => new { c.EmployerId, c.Date });
        builder.HasIndex(c => new { c.SpecialistId, c.Date });
        builder.HasIndex(c => c.Date);
    }
}

internal sealed class EmployerContactCandidateConfiguration : IEntityTypeConfiguration<EmployerContactCandidate>
{
    public void Configure(EntityTypeBuilder<EmployerContactCandidate> builder)
    {
        builder.HasKey(l => new { l.EmployerContactId, l.CandidateId });
        builder.HasOne(l => l.Candidate).WithMany().HasForeignKey(l => l.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CandidateId);
    }
}
