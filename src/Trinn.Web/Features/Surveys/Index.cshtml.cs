using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Surveys;

/// <summary>The team's study waves by status (due, sent, overdue, answered, missed), paged, with failed sends shown.</summary>
public sealed class IndexModel(TrinnDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public WaveStatus? Filter { get; private set; }

    public IReadOnlyList<TeamWaveRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = Pager.Empty;

    public IReadOnlyDictionary<WaveStatus, int> Counts { get; private set; } = new Dictionary<WaveStatus, int>();

    public static readonly WaveStatus[] Shown = [WaveStatus.Due, WaveStatus.Sent, WaveStatus.Overdue, WaveStatus.Answered, WaveStatus.Missed, WaveStatus.Scheduled];

    public async Task OnGetAsync()
    {
        var today = NorwegianTime.Today(time);
        Filter = WaveQueries.TryParse(Status, out var parsed) ? parsed : WaveStatus.Due;
        var waves = db.VisibleWaves(User).AsNoTracking();
        var counts = new Dictionary<WaveStatus, int>();
        foreach (var status in Shown)
        {
            counts[status] = await waves.WithStatus(status, today).CountAsync();
        }

        Counts = counts;
        var filtered = waves.WithStatus(Filter.Value, today);
        Pager = new Pager(Math.Max(1, PageNumber), PageSize, counts.GetValueOrDefault(Filter.Value), Request.Query);
        var rows = await filtered
            .OrderBy(w => w.TargetDate).ThenBy(w => w.Id)
            .Skip(Pager.Skip).Take(PageSize)
            .Select(w => new
            {
                w.Id,
                w.CandidateId,
                w.Number,
                w.OffsetMonths,
                w.TargetDate,
                w.OpensOn,
                w.ClosesOn,
                w.InvitedAtUtc,
                w.RemindersSent,
                w.SubmittedAtUtc,
                w.Withdrawn,
                w.Paper,
                Candidate = db.Candidates.Where(c => c.Id == w.CandidateId).Select(c => new { c.FirstName, c.LastName, c.Email }).First(),
                Study = db.Set<Study>().Where(s => s.Id == w.StudyId).Select(s => s.Name).First(),
                Failed = db.Set<OutboxMessage>().Any(m => m.WaveId == w.Id && m.Status == OutboxStatus.Failed),
                Waiting = db.Set<OutboxMessage>().Any(m => m.WaveId == w.Id && m.Status == OutboxStatus.Pending),
            })
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.SurveyWaveList, rows.Select(r => r.CandidateId).Distinct().ToList());
        Rows = rows.Select(r => new TeamWaveRow(
            r.Id, r.CandidateId, r.Candidate.FirstName + " " + r.Candidate.LastName, r.Study, r.Number, r.OffsetMonths, r.OpensOn, r.ClosesOn,
            r.SubmittedAtUtc is not null ? WaveStatus.Answered : r.Withdrawn ? WaveStatus.Withdrawn : SurveyWave.Status(today, r.OpensOn, r.ClosesOn, r.TargetDate, r.InvitedAtUtc is not null),
            r.RemindersSent, string.IsNullOrWhiteSpace(r.Candidate.Email), r.Failed, r.Waiting, r.Paper)).ToList();
    }
}

public sealed record TeamWaveRow(
    int Id, int CandidateId, string Candidate, string Study, int Number, int OffsetMonths, DateOnly Opens, DateOnly Closes, WaveStatus Status,
    int Reminders, bool NoEmail, bool SendFailed, bool Waiting, bool Paper);
