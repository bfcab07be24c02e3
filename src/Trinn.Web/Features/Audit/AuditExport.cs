using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Trinn.Core.Duration;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.TimeLog;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Audit;

/// <summary>Everything Trinn holds about one candidate as one JSON document (GDPR art. 15), itself audited.</summary>
internal static class AuditExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static void MapAuditExport(this WebApplication app) =>
        app.MapGet("/Audit/Candidate/{id:int}/Export", ExportAsync)
            .RequireAuthorization(Policies.AuditReader)
            .ReadsCandidateData()
            .ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(int id, TrinnDbContext db, ClaimsPrincipal user, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!await AuditAccess.MaySeeAsync(db, user, id))
        {
            await db.AuditDeniedAsync(id, user, loggers.CreateLogger(nameof(AuditExport)));
            return Results.NotFound();
        }

        var candidate = await db.Candidates.AsNoTracking()
            .Include(c => c.Referral).Include(c => c.Agreement)
            .Include(c => c.StageChanges).Include(c => c.JournalNotes).Include(c => c.ProfileVersions)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == id, ct);
        var accesses = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.CandidateId == id).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.AtUtc, e.UserId, e.Role, Action = e.Action.ToString(), e.EntityType, e.EntityId, e.Changes })
            .ToListAsync(ct);
        var placements = await db.Set<Placement>().AsNoTracking().Where(p => p.CandidateId == id).OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id,
                Employer = p.Employer!.Name,
                p.Kind,
                p.Market,
                p.PositionPercent,
                p.StartDate,
                p.EndDate,
                p.Ending,
                p.RegisteredById,
                p.CreatedAtUtc,
                Measures = p.Measures.OrderBy(m => m.Id).Select(m => new
                {
                    m.Kind,
                    m.FromDate,
                    m.ToDate,
                    m.Percent,
                    m.NextReviewDate,
                    m.LastReviewedOn,
                    m.ReviewNote,
                    m.MentorName,
                    m.HoursPerMonth,
                    m.Amount,
                    m.Text,
                }).ToList(),
            })
            .ToListAsync(ct);
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(f => f.CandidateId == id).OrderBy(f => f.PlannedDate).ThenBy(f => f.Id)
            .Select(f => new { f.PlacementId, f.Kind, f.PlannedDate, f.Note, f.DoneOn, f.DoneBy })
            .ToListAsync(ct);
        var periods = await db.Set<FollowUpPeriod>().AsNoTracking().Where(p => p.CandidateId == id).OrderBy(p => p.StartDate)
            .Select(p => new
            {
                p.StartDate,
                p.EndDate,
                p.ReducedWorkCapacity,
                Extensions = p.Extensions.OrderBy(e => e.Date).Select(e => new { e.Date, e.FromEnd, e.ToEnd, e.Reason, e.ByUserId }).ToList(),
            })
            .ToListAsync(ct);
        var contactIds = db.Set<EmployerContactCandidate>().Where(l => l.CandidateId == id).Select(l => l.EmployerContactId);
        var employerContacts = await db.Set<EmployerContact>().AsNoTracking().Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.Date).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Date,
                Employer = c.Employer!.Name,
                c.Kind,
                c.Purpose,
                c.DurationMinutes,
                c.Note,
                c.SpecialistId,
            })
            .ToListAsync(ct);
        var carvedJobs = await db.Set<JobOpportunity>().AsNoTracking().Where(o => o.CarvedForCandidateId == id).OrderBy(o => o.Id)
            .Select(o => new
            {
                Employer = o.Employer!.Name,
                o.Title,
                o.Tasks,
                o.HoursPerWeek,
                o.HoursNote,
                o.Place,
                o.Requirements,
                o.Industry,
                o.Status,
            })
            .ToListAsync(ct);
        var studies = await db.Set<StudyParticipant>().AsNoTracking().Where(p => p.CandidateId == id).OrderBy(p => p.EnrolledAtUtc)
            .Select(p => new { Study = p.Study!.Name, p.ResearchId, p.AgeBand, p.EnrolledById, p.EnrolledAtUtc })
            .ToListAsync(ct);
        var noteIds = candidate.JournalNotes.Select(n => n.Id).ToList();
        var carriedTime = await db.Set<TimeBlock>().AsNoTracking()
            .Where(b => (b.JournalNoteId != null && noteIds.Contains(b.JournalNoteId.Value))
                || (b.EmployerContactId != null && contactIds.Contains(b.EmployerContactId.Value)))
            .OrderBy(b => b.Date).ThenBy(b => b.Id)
            .Select(b => new { b.Date, b.Minutes, b.Category, b.OutOfOffice, b.Note, b.UserId })
            .ToListAsync(ct);
        var document = new
        {
            exportedAtUtc = DateTime.UtcNow,
            candidate = new
            {
                candidate.Id,
                candidate.FirstName,
                candidate.LastName,
                candidate.NationalId,
                candidate.Phone,
                candidate.Email,
                candidate.Address,
                candidate.TeamId,
                candidate.PrimarySpecialistId,
                candidate.BackupSpecialistId,
                candidate.Stage,
                candidate.StageSince,
                candidate.NextAction,
                candidate.NextActionDate,
                candidate.DischargedOn,
                DischargeOutcome = candidate.DischargeOutcome?.ToString(),
                candidate.DischargeNote,
                candidate.CreatedAtUtc,
            },
            referral = candidate.Referral is { } r ? new { r.ReferredById, r.ReferredOn, Innsatsgruppe = r.Innsatsgruppe.ToString(), r.Reason, r.RegisteredById, r.RegisteredAtUtc } : null,
            agreement = candidate.Agreement is { } a ? new { a.SignedOn, a.Agreed, a.ConsentEmployerContact, a.ConsentNavVeileder, a.ConsentHealthAndNetwork, a.ConsentResearch } : null,
            stageChanges = candidate.StageChanges.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new { s.FromStage, s.ToStage, s.Date, s.Reason, s.ByUserId, s.RecordedAtUtc }),
            journalNotes = candidate.JournalNotes.OrderBy(n => n.Date).ThenBy(n => n.Id).Select(n => new { n.Date, Kind = n.Kind.ToString(), Place = n.Place.ToString(), n.DurationMinutes, n.Text, n.AuthorId, n.CreatedAtUtc }),
            profileVersions = candidate.ProfileVersions.OrderBy(p => p.VersionNumber),
            placements,
            followUps,
            followUpPeriods = periods,
            employerContacts,
            carvedJobs,
            studies,
            timeLogEntriesCarriedFromNotesAndContacts = carriedTime,
            accessLog = accesses,
        };
        await db.AuditExportAsync(AuditEntities.CandidateExport, id, ct);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        return Results.File(bytes, "application/json", $"trinn-kandidat-{id}.json");
    }
}
