using System.Linq.Expressions;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

/// <summary>One row of Min portefølje and the team view.</summary>
public sealed record CandidateListItem(
    int Id,
    string Name,
    int Stage,
    DateOnly StageSince,
    DateOnly ReferredOn,
    DateOnly? LastContact,
    string? NextAction,
    DateOnly? NextActionDate,
    string? PrimarySpecialist,
    string? BackupSpecialist,
    DateOnly? DischargedOn)
{
    public static readonly Expression<Func<Candidate, CandidateListItem>> Projection = c => new CandidateListItem(
        c.Id,
        c.FirstName + " " + c.LastName,
        c.Stage,
        c.StageSince,
        c.Referral!.ReferredOn,
        // Contact with the candidate: not notes struck out as entered in error, nor contacts about them with others.
        c.JournalNotes.Where(n => n.EnteredInErrorAtUtc == null && n.Kind != JournalKind.NavVeileder && n.Kind != JournalKind.HealthServices)
            .Max(n => (DateOnly?)n.Date),
        c.NextAction,
        c.NextActionDate,
        c.PrimarySpecialist!.DisplayName,
        c.BackupSpecialist!.DisplayName,
        c.DischargedOn)
    {
        PrimarySpecialistId = c.PrimarySpecialistId,
        BackupSpecialistId = c.BackupSpecialistId,
    };

    /// <summary>The specialists' user ids, so one read serves both of Min portefølje's lists.</summary>
    public string? PrimarySpecialistId { get; init; }

    public string? BackupSpecialistId { get; init; }

    /// <summary>The action plan's next open step (earliest due first), shown as the next action when there is one.</summary>
    public string? PlanStep { get; init; }

    public DateOnly? PlanStepDue { get; init; }

    public int DaysInStage(DateOnly today) => Stages.DaysIn(StageSince, today);

    public bool NoRecentContact(DateOnly today) => ContactWarning.NoRecentContact(LastContact, ReferredOn, DischargedOn, today);
}

/// <param name="Sort">The list's sort order, when its headers sort it (the team view); null for a fixed order.</param>
public sealed record CandidateTableModel(IReadOnlyList<CandidateListItem> Rows, DateOnly Today, string Caption, bool ShowSpecialists, Trinn.Web.Shared.SortOrder? Sort = null);
