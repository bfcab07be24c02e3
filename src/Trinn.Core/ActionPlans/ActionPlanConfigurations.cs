using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Trinn.Core.ActionPlans;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.Property(p => p.CandidateId);
        builder.Property(p => p.CreatedAtUtc);
        builder.Property(p => p.MeetingCount);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Candidate).WithMany().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Steps).WithOne(s => s.Plan).HasForeignKey(s => s.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Updates).WithOne().HasForeignKey(u => u.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.CandidateId).IsUnique();
    }
}

internal sealed class ActionPlanGoalConfiguration : IEntityTypeConfiguration<ActionPlanGoal>
{
    public void Configure(EntityTypeBuilder<ActionPlanGoal> builder)
    {
        builder.Property(g => g.Text).HasMaxLength(ActionPlan.GoalMaxLength);
        builder.Property(g => g.Status);
        builder.Property(g => g.StatusChangedOn);
        builder.HasIndex(g => g.CandidateId);
    }
}

internal sealed class ActionPlanStepConfiguration : IEntityTypeConfiguration<ActionPlanStep>
{
    public void Configure(EntityTypeBuilder<ActionPlanStep> builder)
    {
        builder.Property(s => s.Text).HasMaxLength(ActionPlan.StepMaxLength);
        builder.Property(s => s.Status);
        builder.Property(s => s.StatusChangedOn);
        builder.HasOne(s => s.Goal).WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.NoAction);
        // Min portefølje looks up the open steps of its candidates' plans.
        builder.HasIndex(s => new { s.CandidateId, s.Status, s.DueDate });
    }
}

internal sealed class ActionPlanUpdateConfiguration : IEntityTypeConfiguration<ActionPlanUpdate>
{
    public void Configure(EntityTypeBuilder<ActionPlanUpdate> builder)
    {
        builder.Property(u => u.OthersPresent).HasMaxLength(ActionPlan.OthersMaxLength);
        builder.Property(u => u.Note).HasMaxLength(ActionPlan.NoteMaxLength);
        builder.Property(u => u.ById).HasMaxLength(450);
        builder.HasIndex(u => new { u.ActionPlanId, u.Date });
        builder.HasIndex(u => u.CandidateId);
    }
}
