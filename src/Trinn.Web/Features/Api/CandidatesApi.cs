using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Trinn.Core.Candidates;
using Trinn.Core.NationalIds;
using Trinn.Web.Features.Candidates;
using Trinn.Web.Features.Referrals;

namespace Trinn.Web.Features.Api;

/// <summary>
/// The JSON API, so other systems can send data instead of people typing it twice. Same authorization as the
/// pages; a signed-in browser session works, and so does a personal API token (<c>Authorization: Bearer …</c>).
/// </summary>
internal static class CandidatesApi
{
    public const int MaxPageSize = 200;

    public static void MapCandidatesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Trinn");

        api.MapGet("/candidates", ListAsync).RequireAuthorization(Policies.TeamMember).ReadsCandidateData()
            .WithName("ListCandidates").WithSummary("The caller's visible candidates, paged and filterable by stage and programme (UtvidetOppfolging, Ips, Other).");
        api.MapGet("/candidates/{id:int}", GetAsync).RequireAuthorization(Policies.TeamMember).ReadsCandidateData()
            .WithName("GetCandidate").WithSummary("One candidate with referral, agreement, profile date and stage timeline.");
        api.MapPost("/referrals", CreateReferralAsync).RequireAuthorization(Policies.Referrer)
            .WithName("CreateReferral").WithSummary("Registers a referral (innsøking); the candidate starts in stage 1.");
        api.MapGet("/referrals/mine", MyReferralsAsync).RequireAuthorization(Policies.NavVeileder).ReadsCandidateData()
            .WithName("MyReferrals").WithSummary("The status of the referrals the calling NAV-veileder made.");
    }

    private static async Task<Results<Ok<PagedResult<CandidateSummary>>, ValidationProblem>> ListAsync(
        TrinnDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, int? stage, Programme? programme, int page = 1, int pageSize = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (stage is { } s && !Stages.IsValid(s))
        {
            errors["stage"] = [t["Error_StageInvalid"]];
        }

        if (page < 1)
        {
            errors["page"] = [t["Error_PageInvalid"]];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [t["Error_PageSizeInvalid", MaxPageSize]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Candidates.AsNoTracking().VisibleTo(user);
        if (stage is { } st)
        {
            query = query.Where(c => c.Stage == st);
        }

        if (programme is { } pr)
        {
            query = query.Where(c => c.Programme == pr);
        }

        var total = await query.CountAsync();
        var items = await query.OrderBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CandidateSummary(
                c.Id, c.FirstName, c.LastName, c.Stage, c.StageSince,
                c.PrimarySpecialistId, c.BackupSpecialistId,
                c.JournalNotes.Max(n => (DateOnly?)n.Date),
                c.DischargedOn, c.DischargeOutcome, c.Programme))
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.CandidateListApi, items.Select(i => i.Id).ToList());
        return TypedResults.Ok(new PagedResult<CandidateSummary>(items, page, pageSize, total));
    }

    private static async Task<Results<Ok<CandidateDocument>, NotFound>> GetAsync(
        int id, TrinnDbContext db, CandidateDocumentCache documents, ClaimsPrincipal user, ILoggerFactory loggers, CancellationToken ct)
    {
        // A team member sees the team's candidates (CandidateAccess.VisibleTo), anyone else none.
        var doc = user.VisibleTeamId() is { } teamId ? await documents.ReadAsync(db, teamId, id, ct) : null;
        if (doc is null)
        {
            await db.AuditDeniedAsync(id, user, loggers.CreateLogger("Trinn.Api"));
            return TypedResults.NotFound();
        }

        await db.AuditReadAsync(AuditEntities.CandidateApi, id);

        return TypedResults.Ok(doc);
    }

    private static async Task<Results<Created<ReferralCreated>, ValidationProblem>> CreateReferralAsync(
        ReferralInput input, ReferralRegistration registration, ClaimsPrincipal user,
        IOptions<NationalIdOptions> idOptions, IStringLocalizer<SharedResource> t)
    {
        var errors = LocalizedValidation.Validate(input, t);
        if (errors.Count == 0)
        {
            foreach (var (field, key) in await registration.ValidateAsync(input, user, idOptions.Value.AllowSynthetic))
            {
                errors[JsonNamingPolicy.CamelCase.ConvertName(field)] = [t[key]];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var candidate = await registration.CreateAsync(input, user);
        return TypedResults.Created($"/api/candidates/{candidate.Id}", new ReferralCreated(candidate.Id, candidate.Status));
    }

    private static async Task<Ok<List<ReferralStatus>>> MyReferralsAsync(TrinnDbContext db, ClaimsPrincipal user)
    {
        var me = user.UserId();
        var rows = await db.Referrals.AsNoTracking().Where(r => r.ReferredById == me)
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id)
            .Take(MaxPageSize)
            .Select(r => new ReferralStatus(
                r.CandidateId, r.Candidate!.FirstName + " " + r.Candidate.LastName, r.ReferredOn,
                r.Candidate.DischargedOn != null ? CandidateStatus.Discharged
                    : r.Candidate.PrimarySpecialistId == null ? CandidateStatus.AwaitingSpecialist : CandidateStatus.Active,
                r.Candidate.DischargedOn))
            .ToListAsync();
        await db.AuditReadAsync(AuditEntities.ReferralStatusApi, rows.Select(r => r.CandidateId).ToList());
        return TypedResults.Ok(rows);
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public sealed record CandidateSummary(
    int Id, string FirstName, string LastName, int Stage, DateOnly StageSince, string? PrimarySpecialistId,
    string? BackupSpecialistId, DateOnly? LastContact, DateOnly? DischargedOn, DischargeOutcome? DischargeOutcome, Programme Programme);

public sealed record CandidateDocument(
    int Id, string FirstName, string LastName, string NationalId, string? Phone, string? Email, string? Address,
    int Stage, DateOnly StageSince, string? PrimarySpecialistId, string? BackupSpecialistId, string? NextAction,
    DateOnly? NextActionDate, DateOnly? DischargedOn, DischargeOutcome? DischargeOutcome, long Version,
    ReferralDocument Referral, AgreementDocument? Agreement, DateTime? ProfileUpdatedAtUtc, List<StageChangeDocument> Stages);

public sealed record ReferralDocument(string ReferredById, DateOnly ReferredOn, Innsatsgruppe Innsatsgruppe, string Reason);

public sealed record AgreementDocument(DateOnly SignedOn, string Agreed, bool ConsentEmployerContact, bool ConsentNavVeileder,
    bool ConsentHealthAndNetwork, bool ConsentResearch);

public sealed record StageChangeDocument(int? FromStage, int ToStage, DateOnly Date, string Reason);

public sealed record ReferralCreated(int CandidateId, CandidateStatus Status);

public sealed record ReferralStatus(int CandidateId, string Name, DateOnly ReferredOn, CandidateStatus Status, DateOnly? DischargedOn);
