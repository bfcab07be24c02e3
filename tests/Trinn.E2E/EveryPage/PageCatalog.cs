using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Activities;
using Trinn.Core.CaseReviews;
using Trinn.Core.Data;
using Trinn.Core.Demo;
using Trinn.Core.Employers;
using Trinn.Core.Fidelity;
using Trinn.Core.Identity;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Core.TimeLog;
using Trinn.Web.Shared.Navigation;

namespace Trinn.E2E.EveryPage;

/// <summary>A Razor page as the app's endpoint data source knows it: its name and its shortest route.</summary>
public sealed record PageRoute(string Page, string Template, IReadOnlyList<string> Parameters);

/// <summary>The kinds of demo rows a route parameter can name.</summary>
public enum DemoRow
{
    Candidate,
    Employer,
    EmployerContact,
    Opportunity,
    Placement,
    WageSubsidy,
    TimeBlock,
    FidelityRound,
    SharedFidelityResponse,
    Study,
    ReferredCandidate,
    JournalNote,
    CaseReview,
    GroupActivity,
    SurveyWave,
    Specialist,
}

/// <summary>A page one role opens, with the route values filled from the demo data.</summary>
public sealed record Visit(string Page, string Url);

/// <summary>
/// Every Razor page of the app, read from its endpoint data source (so a page another branch adds is in it without
/// a change here), which demo row each route parameter names, and the pages left out on purpose, with the reason.
/// A page whose parameter is in neither table fails <see cref="EveryPageTests.EveryPage_IsVisitedByARoleOrExcludedWithAReason"/>.
/// </summary>
public static class PageCatalog
{
    /// <summary>Parameters that name the same kind of row on every page.</summary>
    public static readonly IReadOnlyDictionary<string, DemoRow> ByParameter = new Dictionary<string, DemoRow>(StringComparer.OrdinalIgnoreCase)
    {
        ["candidateId"] = DemoRow.Candidate,
        ["employerId"] = DemoRow.Employer,
    };

    /// <summary>What <c>{id}</c> names, page by page.</summary>
    public static readonly IReadOnlyDictionary<string, DemoRow> IdOfPage = new Dictionary<string, DemoRow>(StringComparer.OrdinalIgnoreCase)
    {
        ["/Candidates/Details"] = DemoRow.Candidate,
        ["/Candidates/Agreement"] = DemoRow.Candidate,
        ["/Candidates/Discharge"] = DemoRow.Candidate,
        ["/Candidates/Edit"] = DemoRow.Candidate,
        ["/Candidates/Journal"] = DemoRow.Candidate,
        ["/Candidates/Profile"] = DemoRow.Candidate,
        ["/Candidates/Stage"] = DemoRow.Candidate,
        ["/Audit/Candidate"] = DemoRow.Candidate,
        ["/Employers/Details"] = DemoRow.Employer,
        ["/Employers/Edit"] = DemoRow.Employer,
        ["/Employers/Contact"] = DemoRow.Employer,
        ["/Employers/ContactEdit"] = DemoRow.EmployerContact,
        ["/Employers/ContactDelete"] = DemoRow.EmployerContact,
        ["/Opportunities/Details"] = DemoRow.Opportunity,
        ["/Opportunities/Edit"] = DemoRow.Opportunity,
        ["/Placements/End"] = DemoRow.Placement,
        ["/Placements/Measure"] = DemoRow.Placement,
        ["/Placements/PlannedEnd"] = DemoRow.Placement,
        ["/Placements/Review"] = DemoRow.WageSubsidy,
        ["/TimeLog/Edit"] = DemoRow.TimeBlock,
        ["/TimeLog/Delete"] = DemoRow.TimeBlock,
        ["/Fidelity/Answer"] = DemoRow.FidelityRound,
        ["/Fidelity/Results"] = DemoRow.FidelityRound,
        ["/Fidelity/Shared"] = DemoRow.SharedFidelityResponse,
        ["/Fidelity/Status"] = DemoRow.FidelityRound,
        ["/Studies/Enrol"] = DemoRow.Study,
        ["/Studies/Export"] = DemoRow.Study,
        ["/Research/Export"] = DemoRow.Study,
        ["/Research/Codebook"] = DemoRow.Study,
        ["/Studies/Researchers"] = DemoRow.Study,
        ["/Surveys/Protocol"] = DemoRow.Study,
        ["/Surveys/Consent"] = DemoRow.Candidate,
        ["/Surveys/Paper"] = DemoRow.SurveyWave,
        ["/Candidates/NoteEdit"] = DemoRow.JournalNote,
        ["/Candidates/TakeBack"] = DemoRow.Candidate,
        ["/CaseReviews/Details"] = DemoRow.CaseReview,
        ["/CaseReviews/Edit"] = DemoRow.CaseReview,
        ["/Activities/Details"] = DemoRow.GroupActivity,
        ["/Admin/Edit"] = DemoRow.Specialist,
        ["/Admin/Memberships"] = DemoRow.Specialist,
        ["/Research/Analysis"] = DemoRow.Study,
    };

    /// <summary>Pages whose one parameter names another kind of row than <see cref="ByParameter"/> says.</summary>
    public static readonly IReadOnlyDictionary<string, DemoRow> ParameterOfPage = new Dictionary<string, DemoRow>(StringComparer.OrdinalIgnoreCase)
    {
        ["/Referrals/Details"] = DemoRow.ReferredCandidate,
    };

    /// <summary>Pages no browser test visits here, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/Index"] = "only redirects each role to its start page, which is visited",
        ["/Account/Logout"] = "GET only redirects to the start page; signing out is the header menu's form (AccountTests)",
        ["/Account/ExternalLogin"] = "OpenID Connect is off in the demo, so it answers 404; OpenIdConnectTests cover it",
        ["/Account/ExternalCallback"] = "the identity provider's return address, not a page a user opens; OpenIdConnectTests cover it",
        ["/Overview/Rows"] = "the list behind one number needs the indicator's ?key= (no route value); reached from the dashboard's links, which DashboardTests follows",
        ["/FollowUps/Feed"] = "a calendar subscription (text/calendar) behind a secret token, not HTML; FollowUpPagesTests cover it",
        ["/Surveys/Answer"] = "a participant's personal link (/svar/{token}, a secret the demo does not know); SurveyJourneyTests answer one in the browser",
    };

    /// <summary>
    /// The demo user who stands for a role, where the first the seeder lists is not the one with the most to show:
    /// the demo's Team 1 stops at stage 3, so the metodeveileder of Team 2 (candidates in stages 4–5 with placements,
    /// follow-ups and a wage subsidy) complements jobbspesialist1 of Team 1 (the only one with logged time).
    /// </summary>
    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        [Roles.Metodeveileder] = "metodeveileder2",
    };

    /// <summary>Pages open to anonymous users that signed-in users also meet (with the header menu); the rest are visited anonymously only.</summary>
    private static readonly HashSet<string> SignedInToo = new(StringComparer.OrdinalIgnoreCase) { "/Error", "/Account/AccessDenied" };

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>The status a page answers with when it shows as it should (200, or what it says by design).</summary>
    public static int StatusOf(string page) =>
        string.Equals(page, "/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? 403 : 200;

    /// <summary>One demo user per role (a role added later is in it at once), and null for anonymous.</summary>
    public static IReadOnlyList<string?> Users =>
        [.. DemoSeeder.Logins.GroupBy(l => l.Role).Select(g => (string?)(UserOfRole.TryGetValue(g.Key, out var u) ? u : g.First().UserName)), null];

    public static IReadOnlyList<PageRoute> All(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath, e.RoutePattern))
            .Where(e => e.Page is not null)
            .GroupBy(e => e.Page!, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(e => e.RoutePattern.RawText?.Length ?? 0).First())
            .Select(e => new PageRoute(e.Page!, "/" + e.RoutePattern.RawText, [.. e.RoutePattern.Parameters.Select(p => p.Name)]))
            .OrderBy(p => p.Page, StringComparer.Ordinal)];
    }

    public static DemoRow? RowFor(PageRoute page, string parameter) =>
        page.Parameters.Count == 1 && ParameterOfPage.TryGetValue(page.Page, out var row) ? row
        : ByParameter.TryGetValue(parameter, out row) ? row
        : parameter == "id" && IdOfPage.TryGetValue(page.Page, out row) ? row
        : null;

    /// <summary>The pages this user may open (by the app's own page policies), with their route values from the demo data.</summary>
    public static async Task<IReadOnlyList<Visit>> PlanAsync(DemoSite site, string? userName)
    {
        using var scope = site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TrinnDbContext>();
        var user = userName is null ? null : await services.GetRequiredService<UserManager<TrinnUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No demo user {userName}.");
        var principal = user is null ? Anonymous
            : await services.GetRequiredService<SignInManager<TrinnUser>>().CreateUserPrincipalAsync(user);
        var access = services.GetRequiredService<PageAccess>();
        var links = services.GetRequiredService<LinkGenerator>();
        var visits = new List<Visit>();
        foreach (var page in All(site.Services).Where(p => !Excluded.ContainsKey(p.Page)))
        {
            if (!await access.CanOpenAsync(principal, page.Page)
                || (user is not null && await access.CanOpenAsync(Anonymous, page.Page) && !SignedInToo.Contains(page.Page)))
            {
                continue;
            }

            var values = new RouteValueDictionary();
            foreach (var parameter in page.Parameters)
            {
                if (RowFor(page, parameter) is { } row && await FindAsync(db, row, user) is { } id)
                {
                    values[parameter] = id;
                }
            }

            if (values.Count == page.Parameters.Count)
            {
                var url = links.GetPathByPage(page.Page, handler: null, values)
                    ?? throw new InvalidOperationException($"No URL for {page.Page}.");
                visits.Add(new Visit(page.Page, url));
            }
        }

        return visits;
    }

    /// <summary>
    /// The demo row of this kind the user's work would take them to: in the user's team when they have one, else
    /// the first; for a candidate the richest (furthest in the stages, still followed up), so the page shows most.
    /// </summary>
    private static async Task<object?> FindAsync(TrinnDbContext db, DemoRow row, TrinnUser? user)
    {
        var team = user?.TeamId;
        if (row == DemoRow.Specialist)
        {
            // A user id: the primary specialist of the first candidate (admin has no team, so any team's).
            return await db.Candidates.Where(c => (team == null || c.TeamId == team) && c.PrimarySpecialistId != null)
                .OrderBy(c => c.Id).Select(c => c.PrimarySpecialistId).FirstOrDefaultAsync();
        }

        var candidates = db.Candidates.Where(c => team == null || c.TeamId == team);
        var employers = db.Set<Employer>().Where(e => team == null || e.TeamId == team);
        var placements = db.Set<Placement>().Where(p => candidates.Any(c => c.Id == p.CandidateId));
        return row switch
        {
            DemoRow.Candidate => await candidates.Where(c => c.DischargedOn == null)
                .OrderByDescending(c => c.Stage).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            DemoRow.Employer => await employers.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(),
            DemoRow.EmployerContact => await db.Set<EmployerContact>().Where(c => employers.Any(e => e.Id == c.EmployerId))
                .OrderByDescending(c => c.SpecialistId == user!.Id).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            DemoRow.Opportunity => await db.Set<JobOpportunity>().Where(o => employers.Any(e => e.Id == o.EmployerId))
                .OrderBy(o => o.Status).ThenBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(),
            DemoRow.Placement => await placements.Where(p => p.Ending == null)
                .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(),
            DemoRow.WageSubsidy => await db.Set<SupportMeasure>().Where(m => m.Kind == SupportMeasureKind.Lonnstilskudd && placements.Any(p => p.Id == m.PlacementId))
                .OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(),
            DemoRow.TimeBlock => user is null ? null : await db.Set<TimeBlock>().Where(b => b.UserId == user.Id)
                .OrderBy(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(),
            DemoRow.FidelityRound => await db.Set<FidelityRound>().Where(r => team == null || r.TeamId == team)
                .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            DemoRow.SharedFidelityResponse => await db.Set<FidelityResponse>().Where(r => r.SharedWithSupervisor && (team == null || r.Round!.TeamId == team))
                .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            DemoRow.Study => await db.Set<Study>().OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(),
            DemoRow.ReferredCandidate => user is null ? null : await db.Referrals.Where(r => r.ReferredById == user.Id)
                .OrderBy(r => r.CandidateId).Select(r => (int?)r.CandidateId).FirstOrDefaultAsync(),
            DemoRow.JournalNote => await db.JournalNotes.Where(n => candidates.Any(c => c.Id == n.CandidateId))
                .OrderByDescending(n => n.AuthorId == user!.Id).ThenBy(n => n.Id).Select(n => (int?)n.Id).FirstOrDefaultAsync(),
            DemoRow.CaseReview => await db.Set<CaseReview>().Where(r => team == null || r.TeamId == team)
                .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(),
            DemoRow.GroupActivity => await db.Set<GroupActivity>().Where(a => team == null || a.TeamId == team)
                .OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(),
            DemoRow.SurveyWave => await db.Set<SurveyWave>().Where(w => candidates.Any(c => c.Id == w.CandidateId))
                .OrderBy(w => w.Id).Select(w => (int?)w.Id).FirstOrDefaultAsync(),
            DemoRow.Specialist or _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };
    }
}
