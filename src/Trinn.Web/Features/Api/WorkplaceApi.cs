using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Trinn.Core.Common;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.Employers;
using Trinn.Web.Features.Opportunities;
using Trinn.Web.Features.TimeLog;

namespace Trinn.Web.Features.Api;

/// <summary>Read API for the workplace side of stages 3–5: employers and contacts, placements, follow-ups and the caller's time log. Same authorization as the pages.</summary>
internal static class WorkplaceApi
{
    public const int MaxRows = 1000;

    public static void MapWorkplaceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Trinn").RequireAuthorization(Policies.TeamMember);
        api.MapGet("/employers", EmployersAsync).WithName("ListEmployers").WithSummary("The team's employer register.");
        api.MapGet("/employers/{id:int}/contacts", ContactsAsync).WithName("ListEmployerContacts").WithSummary("The team's contacts with one employer, newest first.")
            .ReadsCandidateData();
        api.MapGet("/candidates/{id:int}/placements", PlacementsAsync).WithName("ListPlacements").WithSummary("A candidate's placements with support measures.")
            .ReadsCandidateData();
        api.MapGet("/candidates/{id:int}/follow-ups", FollowUpsAsync).WithName("ListFollowUps").WithSummary("A candidate's planned and done follow-ups at the workplace.")
            .ReadsCandidateData();
        api.MapGet("/employers/{id:int}/opportunities", EmployerOpportunitiesAsync).WithName("ListEmployerOpportunities")
            .WithSummary("The job opportunities at one of the team's employers, open ones first.").ReadsCandidateData();
        api.MapGet("/candidates/{id:int}/opportunities", CandidateOpportunitiesAsync).WithName("ListMatchingOpportunities").ReadsCandidateData()
            .WithSummary("The team's open job opportunities that match the candidate's latest vocational profile, with the fit of industry, hours and place (docs/adr/job-matching.md).");
        api.MapGet("/specialists/me/time-log", TimeLogAsync).WithName("MyTimeLog")
            .WithSummary("The caller's time log for one ISO week (week=YYYY-Www, default this week) with the out-of-office share of working time against 40 % and, for comparison, of logged time.");
    }

    private static async Task<Ok<List<EmployerDocument>>> EmployersAsync(TrinnDbContext db, ClaimsPrincipal user) =>
        TypedResults.Ok(await db.Set<Employer>().AsNoTracking().VisibleTo(user).OrderBy(e => e.Name).Take(MaxRows)
            .Select(e => new EmployerDocument(e.Id, e.Name, e.OrganizationNumber, e.Sector, e.Industry, e.Size, e.IaAgreement, e.Address, e.Version))
            .ToListAsync());

    private static async Task<Results<Ok<List<EmployerContactDocument>>, NotFound>> ContactsAsync(int id, TrinnDbContext db, ClaimsPrincipal user)
    {
        if (!await db.Set<Employer>().VisibleTo(user).AnyAsync(e => e.Id == id))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<EmployerContact>().AsNoTracking().Where(c => c.EmployerId == id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(MaxRows)
            .Select(c => new EmployerContactDocument(c.Id, c.Date, c.SpecialistId, c.Kind, c.Purpose, c.FirstContact, c.DurationMinutes, c.Note,
                c.Candidates.Select(l => l.CandidateId).ToList()))
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.EmployerContactsApi, rows.SelectMany(r => r.CandidateIds).ToList());
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<PlacementDocument>>, NotFound>> PlacementsAsync(int id, TrinnDbContext db, ClaimsPrincipal user, ILoggerFactory loggers)
    {
        if (!await VisibleAndAuditedAsync(db, id, user, AuditEntities.PlacementsApi, loggers))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<Placement>().AsNoTracking().Where(p => p.CandidateId == id)
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .Select(p => new { p, Measures = p.Measures.OrderBy(m => m.Id).ToList() })
            .ToListAsync();
        return TypedResults.Ok(rows.Select(r => new PlacementDocument(
            r.p.Id, r.p.EmployerId, r.p.Kind, r.p.IsPaid, r.p.Market, r.p.PositionPercent, r.p.StartDate, r.p.EndDate, r.p.Ending, r.p.JobbsmakTooLong, r.p.Version,
            r.Measures.Select(m => new SupportMeasureDocument(m.Id, m.Kind, m.FromDate, m.ToDate, m.Percent, m.NextReviewDate, m.LastReviewedOn,
                m.MentorName, m.HoursPerMonth, m.Amount, m.Text, m.MentorMandate, m.MentorTraining, m.JointFrom, m.JointTo)).ToList())).ToList());
    }

    private static async Task<Results<Ok<List<FollowUpDocument>>, NotFound>> FollowUpsAsync(int id, TrinnDbContext db, ClaimsPrincipal user, ILoggerFactory loggers)
    {
        if (!await VisibleAndAuditedAsync(db, id, user, AuditEntities.FollowUpsApi, loggers))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await db.Set<FollowUp>().AsNoTracking().Where(f => f.CandidateId == id)
            .OrderBy(f => f.PlannedDate).ThenBy(f => f.Id).Take(MaxRows)
            .Select(f => new FollowUpDocument(f.Id, f.PlacementId, f.Kind, f.PlannedDate, f.Note, f.DoneOn, f.DoneBy, f.Version, f.WindowStart, f.WindowEnd, f.ClosedOn, f.ClosedReason))
            .ToListAsync());
    }

    private static async Task<Results<Ok<List<OpportunityDocument>>, NotFound>> EmployerOpportunitiesAsync(int id, TrinnDbContext db, ClaimsPrincipal user)
    {
        if (!await db.Set<Employer>().VisibleTo(user).AnyAsync(e => e.Id == id))
        {
            return TypedResults.NotFound();
        }

        var rows = await db.Set<JobOpportunity>().AsNoTracking().VisibleTo(user).Where(o => o.EmployerId == id)
            .OrderBy(o => o.Status).ThenBy(o => o.Title).ThenBy(o => o.Id).Take(MaxRows)
            .Select(o => new OpportunityDocument(o.Id, o.EmployerId, o.Title, o.Tasks, o.HoursPerWeek, o.HoursNote, o.Place, o.Requirements, o.Industry,
                o.Status, o.CarvedForCandidateId, o.Version))
            .ToListAsync();
        // A job carved for one candidate says something about that person.
        await db.AuditReadAsync(AuditEntities.OpportunitiesApi, rows.Where(r => r.CarvedForCandidateId is not null).Select(r => r.CarvedForCandidateId!.Value).ToList());
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<OpportunityMatchDocument>>, NotFound>> CandidateOpportunitiesAsync(
        int id, TrinnDbContext db, ClaimsPrincipal user, ILoggerFactory loggers)
    {
        if (!await VisibleAndAuditedAsync(db, id, user, AuditEntities.OpportunityMatchesApi, loggers))
        {
            return TypedResults.NotFound();
        }

        var matches = await OpportunityMatches.ForCandidateAsync(db, user, id);
        var ids = matches.Select(m => m.Opportunity.OpportunityId).ToList();
        var rows = await db.Set<JobOpportunity>().AsNoTracking().VisibleTo(user).Where(o => ids.Contains(o.Id))
            .Select(o => new OpportunityDocument(o.Id, o.EmployerId, o.Title, o.Tasks, o.HoursPerWeek, o.HoursNote, o.Place, o.Requirements, o.Industry,
                o.Status, o.CarvedForCandidateId, o.Version))
            .ToDictionaryAsync(o => o.Id);
        return TypedResults.Ok(matches
            .Select(m => new OpportunityMatchDocument(rows[m.Opportunity.OpportunityId], m.Match.Industry, m.Match.Hours, m.Match.Place, m.Match.CarvedForCandidate))
            .ToList());
    }

    /// <summary>True, after auditing the read, when the user may see the candidate; false after auditing the refusal.</summary>
    private static async Task<bool> VisibleAndAuditedAsync(TrinnDbContext db, int id, ClaimsPrincipal user, string entityType, ILoggerFactory loggers)
    {
        if (!await db.Candidates.VisibleTo(user).AnyAsync(c => c.Id == id))
        {
            await db.AuditDeniedAsync(id, user, loggers.CreateLogger(nameof(WorkplaceApi)));
            return false;
        }

        await db.AuditReadAsync(entityType, id);
        return true;
    }

    private static async Task<Results<Ok<TimeLogDocument>, ValidationProblem>> TimeLogAsync(
        string? week, TrinnDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<TimeLogResource> l,
        Microsoft.Extensions.Options.IOptions<Core.Indicators.IndicatorOptions> options)
    {
        var isoWeek = IsoWeek.Of(NorwegianTime.Today(time));
        if (week is not null && !IsoWeek.TryParse(week, out isoWeek))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["week"] = [l["Error_Week"]] });
        }

        var me = user.UserId();
        var (from, to) = (isoWeek.Monday, isoWeek.Sunday);
        var blocks = await db.Set<TimeBlock>().AsNoTracking().Where(b => b.UserId == me && b.Date >= from && b.Date <= to)
            .OrderBy(b => b.Date).ThenBy(b => b.Id).ToListAsync();
        var summary = TimeLogSummary.Of(blocks);
        var period = new Core.Indicators.DatePeriod(from, to);
        var staff = new Core.Indicators.StaffCalendar(
            await Core.Indicators.IndicatorDataLoader.UserMembershipsAsync(db, me, from, to),
            await Core.Indicators.IndicatorDataLoader.AbsencesAsync(db, [me], period),
            options.Value.WeeklyHours);
        var working = staff.WorkingMinutes(period, me);
        return TypedResults.Ok(new TimeLogDocument(
            isoWeek.ToString(), from, to, summary.TotalMinutes, summary.OutOfOfficeMinutes, summary.OutOfOfficePercent, TimeLogSummary.TargetPercent,
            blocks.Select(b => new TimeBlockDocument(b.Id, b.Date, b.Minutes, b.Category, b.OutOfOffice, b.Note, b.JournalNoteId, b.EmployerContactId)).ToList(),
            Math.Round(working, 1),
            working == 0 ? null : Math.Round(100m * summary.OutOfOfficeMinutes / working, 1)));
    }
}

public sealed record EmployerDocument(
    int Id, string Name, string OrganizationNumber, EmployerSector Sector, string? Industry, EmployerSize? Size, bool IaAgreement, string? Address, long Version);

public sealed record EmployerContactDocument(
    int Id, DateOnly Date, string SpecialistId, EmployerContactKind Kind, EmployerContactPurpose Purpose, bool FirstContact, int DurationMinutes,
    string? Note, List<int> CandidateIds);

public sealed record PlacementDocument(
    int Id, int EmployerId, PlacementKind Kind, bool Paid, LabourMarket Market, int? PositionPercent, DateOnly StartDate, DateOnly? EndDate,
    PlacementEnding? Ending, bool JobbsmakTooLong, long Version, List<SupportMeasureDocument> Measures);

public sealed record SupportMeasureDocument(
    int Id, SupportMeasureKind Kind, DateOnly? FromDate, DateOnly? ToDate, int? Percent, DateOnly? NextReviewDate, DateOnly? LastReviewedOn,
    string? MentorName, decimal? HoursPerMonth, decimal? Amount, string? Text, string? MentorMandate, string? MentorTraining, DateOnly? JointFrom, DateOnly? JointTo);

/// <summary>A follow-up slot; the window is where a meeting completes it (null: three days either side of the planned date); closed when its job ended.</summary>
public sealed record FollowUpDocument(
    int Id, int? PlacementId, FollowUpKind Kind, DateOnly PlannedDate, string? Note, DateOnly? DoneOn, FollowUpDoneBy? DoneBy, long Version,
    DateOnly? WindowStart, DateOnly? WindowEnd, DateOnly? ClosedOn, FollowUpClosedReason? ClosedReason);

public sealed record OpportunityDocument(
    int Id, int EmployerId, string Title, string Tasks, int HoursPerWeek, string? HoursNote, string Place, string? Requirements, string? Industry,
    OpportunityStatus Status, int? CarvedForCandidateId, long Version);

/// <summary>A matching opportunity and how each criterion compares (Unknown when either side says nothing about it).</summary>
public sealed record OpportunityMatchDocument(
    OpportunityDocument Opportunity, CriterionFit Industry, CriterionFit Hours, CriterionFit Place, bool CarvedForCandidate);

/// <summary>
/// A week of the caller's time log. The target applies to <see cref="OutOfOfficePercentOfWorkingTime"/> (out-of-office
/// minutes / working minutes: FTE × weekly hours less registered absence); <see cref="OutOfOfficePercent"/> is the share
/// of the logged minutes, for comparison.
/// </summary>
public sealed record TimeLogDocument(
    string Week, DateOnly Monday, DateOnly Sunday, int TotalMinutes, int OutOfOfficeMinutes, decimal? OutOfOfficePercent, int TargetPercent,
    List<TimeBlockDocument> Blocks, decimal WorkingMinutes, decimal? OutOfOfficePercentOfWorkingTime);

public sealed record TimeBlockDocument(int Id, DateOnly Date, int Minutes, TimeCategory Category, bool OutOfOffice, string? Note, int? JournalNoteId, int? EmployerContactId);
