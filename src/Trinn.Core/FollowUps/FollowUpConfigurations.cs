using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.FollowUps;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.PlannedDate);
        builder.Property(f => f.DoneOn);
        builder.Property(f => f.DoneBy);
        builder.Property(f => f.WindowStart);
        builder.Property(f => f.WindowEnd);
        builder.Property(f => f.ClosedOn);
        builder.Property(f => f.ClosedReason);
        builder.Ignore(f => f.IsOpen);
        builder.Ignore(f => f.IsByHand);
        builder.Ignore(f => f.FirstDay);
        builder.Ignore(f => f.LastDay);
        builder.Property(f => f.Note).HasMaxLength(FollowUp.NoteMaxLength);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne(f => f.Candidate).WithMany().HasForeignKey(f => f.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Placement).WithMany(p => p.FollowUps).HasForeignKey(f => f.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.DoneByContact).WithMany().HasForeignKey(f => f.DoneByContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.DoneByJournalNote).WithMany().HasForeignKey(f => f.DoneByJournalNoteId).OnDelete(DeleteBehavior.SetNull);
        // The candidate's plan, and the open ones by date for overdue warnings and the calendar feed.
        builder.HasIndex(f => new { f.CandidateId, f.PlannedDate });
        builder.HasIndex(f => new { f.DoneOn, f.ClosedOn, f.PlannedDate });
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasOne<Identity.TrinnUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
    }
}
