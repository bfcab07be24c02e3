using Trinn.Core.Activities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Activities;

/// <summary>One group activity: who led it and who took part (each participant's read is audited).</summary>
[ReadsCandidateData]
public sealed class DetailsModel(TrinnDbContext db) : PageModel
{
    public ActivityView Activity { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var row = await db.Set<GroupActivity>().AsNoTracking().VisibleTo(User).Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Date,
                a.Kind,
                a.Title,
                a.Note,
                a.DurationMinutes,
                LeaderIds = a.Leaders.Select(l => l.UserId).ToList(),
                ParticipantIds = a.Participants.Select(p => p.CandidateId).ToList(),
            })
            .SingleOrDefaultAsync();
        if (row is null)
        {
            return NotFound();
        }

        var leaders = await db.Users.AsNoTracking().Where(u => row.LeaderIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync();
        var participants = await db.Candidates.AsNoTracking().VisibleTo(User).Where(c => row.ParticipantIds.Contains(c.Id))
            .OrderBy(c => c.FirstName).ThenBy(c => c.LastName)
            .Select(c => new ActivityParticipantView(c.Id, c.FirstName + " " + c.LastName))
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.GroupActivityPage, participants.Select(p => p.CandidateId).ToList());
        Activity = new ActivityView(row.Id, row.Date, row.Kind, row.Title, row.Note, row.DurationMinutes, leaders, participants);
        return Page();
    }
}

public sealed record ActivityParticipantView(int CandidateId, string Name);

public sealed record ActivityView(
    int Id, DateOnly Date, GroupActivityKind Kind, string Title, string? Note, int DurationMinutes, IReadOnlyList<string> Leaders, IReadOnlyList<ActivityParticipantView> Participants);
