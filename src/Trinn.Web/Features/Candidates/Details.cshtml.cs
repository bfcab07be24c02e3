using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

[ReadsCandidateData]
public sealed class DetailsModel(TrinnDbContext db, TimeProvider time, ILogger<DetailsModel> logger) : PageModel
{
    private const int NotesShown = 50;

    // The most used page, its main read compiled once per model (see PerModel). The team condition is
    // CandidateAccess.VisibleTo's, written out because a compiled query cannot call it.
    private static readonly PerModel<Func<TrinnDbContext, int, int, Task<CandidateDetails?>>> DetailsQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int teamId, int id) => db.Candidates.AsNoTracking()
            .Where(c => c.TeamId == teamId && c.Id == id)
            .Select(c => new CandidateDetails
            {
                Id = c.Id,
                Name = c.FirstName + " " + c.LastName,
                NationalId = c.NationalId,
                Phone = c.Phone,
                Email = c.Email,
                Address = c.Address,
                Stage = c.Stage,
                StageSince = c.StageSince,
                PrimarySpecialist = c.PrimarySpecialist!.DisplayName,
                BackupSpecialist = c.BackupSpecialist!.DisplayName,
                NextAction = c.NextAction,
                NextActionDate = c.NextActionDate,
                DischargedOn = c.DischargedOn,
                DischargeOutcome = c.DischargeOutcome,
                ReferredOn = c.Referral!.ReferredOn,
                ReferredBy = c.Referral.ReferredBy!.DisplayName,
                Innsatsgruppe = c.Referral.Innsatsgruppe,
                Reason = c.Referral.Reason,
                Agreement = c.Agreement,
                ProfileVersions = c.ProfileVersions.Count,
                ProfileUpdatedAtUtc = c.ProfileVersions.Max(p => (DateTime?)p.SavedAtUtc),
            })
            .SingleOrDefault()));

    // The page's other two reads, compiled for the same reason (they run after the main read found the candidate visible).
    private static readonly PerModel<Func<TrinnDbContext, int, IAsyncEnumerable<StageChange>>> TimelineQuery = new(_ =>
        EF.CompileAsyncQuery<TrinnDbContext, int, StageChange>((db, id) => db.StageChanges.AsNoTracking().Where(s => s.CandidateId == id)
            .OrderBy(s => s.Date).ThenBy(s => s.Id)));

    private static readonly PerModel<Func<TrinnDbContext, int, string, IAsyncEnumerable<JournalRow>>> NotesQuery = new(_ =>
        EF.CompileAsyncQuery((TrinnDbContext db, int id, string me) => db.JournalNotes.AsNoTracking().Where(n => n.CandidateId == id)
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.Id).Take(NotesShown)
            .Select(n => new JournalRow(n.Date, n.Kind, n.Place, n.DurationMinutes, n.Text,
                db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "")
            {
                Id = n.Id,
                Mine = n.AuthorId == me,
                Corrected = n.CorrectedAtUtc != null,
                EnteredInErrorReason = n.EnteredInErrorAtUtc == null ? null : n.EnteredInErrorReason ?? "",
            })));

    public CandidateDetails Candidate { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var today = NorwegianTime.Today(time);
        var me = User.UserId();
        var found = User.VisibleTeamId() is { } teamId ? await DetailsQuery.For(db)(db, teamId, id) : null;
        if (found is null)
        {
            await db.AuditDeniedAsync(id, User, logger);
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.DetailsPage, id);

        found.DaysInStage = Stages.DaysIn(found.StageSince, today);
        found.Timeline = await TimelineQuery.For(db)(db, id).ToListAsync();
        found.Notes = await NotesQuery.For(db)(db, id, me).ToListAsync();
        Candidate = found;
        return Page();
    }
}

public sealed class CandidateDetails
{
    public int Id { get; init; }

    public required string Name { get; init; }

    public required string NationalId { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    public int Stage { get; init; }

    public DateOnly StageSince { get; init; }

    public int DaysInStage { get; set; }

    public string? PrimarySpecialist { get; init; }

    public string? BackupSpecialist { get; init; }

    public string? NextAction { get; init; }

    public DateOnly? NextActionDate { get; init; }

    public DateOnly? DischargedOn { get; init; }

    public DischargeOutcome? DischargeOutcome { get; init; }

    public DateOnly ReferredOn { get; init; }

    public string? ReferredBy { get; init; }

    public Innsatsgruppe Innsatsgruppe { get; init; }

    public string? Reason { get; init; }

    public CooperationAgreement? Agreement { get; init; }

    public int ProfileVersions { get; init; }

    public DateTime? ProfileUpdatedAtUtc { get; init; }

    public IReadOnlyList<StageChange> Timeline { get; set; } = [];

    public IReadOnlyList<JournalRow> Notes { get; set; } = [];
}

public sealed record JournalRow(DateOnly Date, JournalKind Kind, WorkPlace Place, int DurationMinutes, string Text, string Author)
{
    public int Id { get; init; }

    /// <summary>Written by the signed-in user, who may correct it.</summary>
    public bool Mine { get; init; }

    public bool Corrected { get; init; }

    /// <summary>Set (possibly empty) when the note was marked as entered in error: shown struck through.</summary>
    public string? EnteredInErrorReason { get; init; }
}
