using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Trinn.Core.Identity;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Web.Features.Api;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Surveys;

/// <summary>
/// Studies, waves and scores as JSON. Team members see studies that include their team and their team's participants;
/// admin sees every study and wave (research IDs only, never names); scores need a candidate the caller may see.
/// Waves carry no answers.
/// </summary>
internal static class SurveysApi
{
    public const int MaxPageSize = 200;

    public static void MapSurveysApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Studies");
        api.MapGet("/studies", StudiesAsync).RequireAuthorization(SurveysSetup.SurveyStaff)
            .WithName("ListStudies").WithSummary("Studies the caller takes part in: all for admin, those including the caller's team otherwise.");
        api.MapGet("/studies/{id:int}/waves", WavesAsync).RequireAuthorization(SurveysSetup.SurveyStaff)
            .WithName("ListStudyWaves").WithSummary("Waves per participant (research ID) and status: due, sent, answered, overdue, missed (also scheduled, withdrawn). No answers.");
        api.MapGet("/candidates/{id:int}/scores", ScoresAsync).ReadsCandidateData().RequireAuthorization(Policies.TeamMember)
            .WithName("ListCandidateScores").WithSummary("A candidate's construct scores per study wave, with instrument version and paper flag.");
    }

    private static IQueryable<Study> Visible(TrinnDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.Set<Study>();
        }

        var team = user.TeamId();
        return db.Set<Study>().Where(s => team != null && (s.WholeOrganisation || s.Teams.Any(t => t.TeamId == team)));
    }

    private static async Task<Ok<List<StudySummary>>> StudiesAsync(TrinnDbContext db, ClaimsPrincipal user)
    {
        var studies = await Visible(db, user).AsNoTracking().OrderBy(s => s.Name).Take(500)
            .Select(s => new StudySummary(s.Id, s.Name, s.WholeOrganisation, s.Teams.Select(t => t.TeamId).ToList(), s.Participants.Count,
                db.Set<StudyProtocol>().Where(p => p.StudyId == s.Id).Select(p => p.WaveOffsets).FirstOrDefault() ?? "0,3,12,18"))
            .ToListAsync();
        return TypedResults.Ok(studies);
    }

    private static async Task<Results<Ok<PagedResult<WaveSummary>>, NotFound, ValidationProblem>> WavesAsync(
        int id, TrinnDbContext db, ClaimsPrincipal user, TimeProvider time, string? status, int page = 1, int pageSize = 100)
    {
        var errors = new Dictionary<string, string[]>();
        WaveStatus? filter = null;
        if (status is not null)
        {
            if (WaveQueries.TryParse(status, out var parsed))
            {
                filter = parsed;
            }
            else
            {
                errors["status"] = ["Ukjent status. Bruk due, sent, answered, overdue, missed, scheduled eller withdrawn."];
            }
        }

        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            errors["page"] = [$"Side må være 1 eller mer, og sidestørrelse 1–{MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await Visible(db, user).AnyAsync(s => s.Id == id))
        {
            return TypedResults.NotFound();
        }

        var today = NorwegianTime.Today(time);
        var waves = db.Set<SurveyWave>().AsNoTracking().Where(w => w.StudyId == id);
        if (!user.IsInRole(Roles.Admin))
        {
            var visible = db.Candidates.VisibleTo(user);
            waves = waves.Where(w => visible.Any(c => c.Id == w.CandidateId));
        }

        if (filter is { } f)
        {
            waves = waves.WithStatus(f, today);
        }

        var total = await waves.CountAsync();
        var rows = await waves.OrderBy(w => w.ParticipantId).ThenBy(w => w.Number)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(w => new
            {
                w.Participant!.ResearchId,
                w.Number,
                w.OffsetMonths,
                w.TargetDate,
                w.OpensOn,
                w.ClosesOn,
                w.InvitedAtUtc,
                w.RemindersSent,
                w.SubmittedAtUtc,
                w.Paper,
                w.Withdrawn,
            })
            .ToListAsync();
        var items = rows.Select(w => new WaveSummary(
            w.ResearchId, w.Number, w.OffsetMonths, w.TargetDate, w.OpensOn, w.ClosesOn,
            (w.SubmittedAtUtc is not null ? WaveStatus.Answered : w.Withdrawn ? WaveStatus.Withdrawn : SurveyWave.Status(today, w.OpensOn, w.ClosesOn, w.TargetDate, w.InvitedAtUtc is not null)).ToString().ToLowerInvariant(),
            w.InvitedAtUtc, w.RemindersSent, w.SubmittedAtUtc, w.Paper)).ToList();
        return TypedResults.Ok(new PagedResult<WaveSummary>(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<List<ScoreDocument>>, NotFound>> ScoresAsync(int id, TrinnDbContext db, ClaimsPrincipal user, ILoggerFactory loggers)
    {
        var candidate = await db.ReadVisibleAsync(id, user, c => new { c.Id }, AuditEntities.CandidateScoresApi, loggers.CreateLogger("Trinn.Api"));
        if (candidate is null)
        {
            return TypedResults.NotFound();
        }

        var scores = await db.Set<SurveyScore>().AsNoTracking().Where(s => s.CandidateId == id)
            .OrderBy(s => s.StudyId).ThenBy(s => s.WaveNumber).ThenBy(s => s.ConstructKey)
            .Select(s => new ScoreDocument(s.StudyId, s.ResearchId, s.WaveNumber, s.OffsetMonths, s.ConstructKey, s.Value, s.Unknown, s.Answered, s.ItemCount,
                s.HigherIsBetter, s.InstrumentKey, s.InstrumentVersion, s.AnsweredAtUtc, s.Paper))
            .Take(5000)
            .ToListAsync();
        return TypedResults.Ok(scores);
    }
}

public sealed record StudySummary(int Id, string Name, bool WholeOrganisation, IReadOnlyList<int> TeamIds, int Participants, string WaveOffsetsMonths);

public sealed record WaveSummary(
    string ResearchId, int Wave, int OffsetMonths, DateOnly TargetDate, DateOnly OpensOn, DateOnly ClosesOn, string Status,
    DateTime? InvitedAtUtc, int RemindersSent, DateTime? AnsweredAtUtc, bool Paper);

public sealed record ScoreDocument(
    int StudyId, string ResearchId, int Wave, int OffsetMonths, string Construct, decimal? Value, bool Unknown, int Answered, int ItemCount,
    bool HigherIsBetter, string InstrumentKey, int InstrumentVersion, DateTime AnsweredAtUtc, bool Paper);
