using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Activities;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Employers;
using Trinn.Core.Identity;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;
using Trinn.Core.Teams;

namespace Trinn.Web.Tests.Authorization;

/// <summary>Two teams, one signed-in user per role (cookie sessions), a candidate in each team.</summary>
public sealed class AuthorizationFixture : TrinnFactory, IAsyncLifetime
{
    private readonly Dictionary<string, BrowserClient> clients = [];
    private readonly Dictionary<string, HttpClient> tokenClients = [];

    public Team OwnTeam { get; private set; } = default!;

    public Candidate OwnCandidate { get; private set; } = default!;

    public Candidate OtherTeamCandidate { get; private set; } = default!;

    public TrinnUser NavVeileder { get; private set; } = default!;

    /// <summary>A study of the own team, and one of the other team only.</summary>
    public int OwnStudy { get; private set; }

    public int OtherStudy { get; private set; }

    public Dictionary<string, TrinnUser> Users { get; } = [];
    /// <summary>Route placeholders for stage 3–5 rows: {emp}, {opp}, {mid}, {con} in the own team, *Other in the other team.</summary>
    public Dictionary<string, int> Ids { get; } = [];

    /// <summary>A time block of each role's own user ({block}); {blockOther} is a team colleague's.</summary>
    public Dictionary<string, int> OwnBlocks { get; } = [];

    public BrowserClient Client(string role) => clients[role];

    /// <summary>A client sending only a personal API token of the role's user, read-only or read-write ("Role:R", "Role:RW").</summary>
    public HttpClient TokenClient(string column) => tokenClients[column];

    public async Task InitializeAsync()
    {
        OwnTeam = await Data.AddTeamAsync();
        var otherTeam = await Data.AddTeamAsync();
        foreach (var role in Roles.All)
        {
            var team = role is Roles.Jobbspesialist or Roles.Metodeveileder ? OwnTeam : null;
            var user = await Data.AddUserAsync(role, team);
            if (role == Roles.NavVeileder)
            {
                NavVeileder = user;
            }

            clients[role] = await BrowserClient.LoginAsync(this, user.UserName!);
            OwnBlocks[role] = await AddBlockAsync(user.Id);
            Users[role] = user;
            foreach (var (suffix, tokenScope) in new[] { ("R", ApiTokenScope.Read), ("RW", ApiTokenScope.ReadWrite) })
            {
                var (token, secret) = ApiToken.Create(user.Id, "Matrise", tokenScope, DateTime.UtcNow.AddDays(30), DateTime.UtcNow);
                await Data.WithDbAsync(db =>
                {
                    db.ApiTokens.Add(token);
                    return db.SaveChangesAsync();
                });
                var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
                tokenClients[role + ":" + suffix] = client;
            }
        }

        clients[AuthorizationMatrixTests.Anonymous] = BrowserClient.Anonymous(this);
        OwnBlocks[AuthorizationMatrixTests.Anonymous] = OwnBlocks[Roles.Jobbspesialist];
        OwnCandidate = await Data.AddCandidateAsync(OwnTeam, NavVeileder, stage: 2);
        OtherTeamCandidate = await Data.AddCandidateAsync(otherTeam, NavVeileder, stage: 2);
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Trinn.Core.Data.TrinnDbContext>();
        var own = Trinn.Core.Research.Study.Create(TestData.Unique("Studie"), false, [OwnTeam.Id], NavVeileder.Id, DateTime.UtcNow);
        var other = Trinn.Core.Research.Study.Create(TestData.Unique("Studie"), false, [otherTeam.Id], NavVeileder.Id, DateTime.UtcNow);
        db.AddRange(own, other);
        await db.SaveChangesAsync();
        (OwnStudy, OtherStudy) = (own.Id, other.Id);
        Ids["wave"] = await AddWaveAsync(db, own, OwnCandidate.Id);
        Ids["waveOther"] = await AddWaveAsync(db, other, OtherTeamCandidate.Id);
        // The forsker is granted the own team's study only.
        db.Add(new Trinn.Core.Research.StudyResearcher { StudyId = own.Id, UserId = Users[Roles.Forsker].Id, GrantedById = Users[Roles.Admin].Id, GrantedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var colleague = await Data.AddUserAsync(Roles.Jobbspesialist, OwnTeam);
        Ids["blockOther"] = await AddBlockAsync(colleague.Id);
        Ids["team"] = OwnTeam.Id;
        Ids["teamOther"] = otherTeam.Id;
        await AddEmployerDataAsync(OwnTeam.Id, OwnCandidate.Id, colleague.Id, "");
        await AddEmployerDataAsync(otherTeam.Id, OtherTeamCandidate.Id, colleague.Id, "Other");
        await AddPracticeDataAsync(OwnTeam.Id, OwnCandidate.Id, colleague.Id, "");
        await AddPracticeDataAsync(otherTeam.Id, OtherTeamCandidate.Id, colleague.Id, "Other");
        // A candidate of the own team referred by another NAV-veileder: not the fixture veileder's referral.
        Ids["notMine"] = (await Data.AddCandidateAsync(OwnTeam, await Data.AddUserAsync(Roles.NavVeileder), stage: 2)).Id;
    }

    private async Task<int> AddWaveAsync(Trinn.Core.Data.TrinnDbContext db, Trinn.Core.Research.Study study, int candidateId)
    {
        var participant = new Trinn.Core.Research.StudyParticipant { StudyId = study.Id, CandidateId = candidateId, ResearchId = Trinn.Core.Research.ResearchIds.New(), EnrolledById = NavVeileder.Id, EnrolledAtUtc = DateTime.UtcNow };
        var wave = Trinn.Core.Surveys.SurveyWave.Schedule(participant, candidateId, study.Id, Trinn.Core.Surveys.WaveDates.For(1, 0, Data.Today, 7, 30), "jobbmestring", 1);
        db.AddRange(participant, wave);
        await db.SaveChangesAsync();
        return wave.Id;
    }
    /// <summary>A journal note ({note}), a case review ({rev}) and a group activity ({act}) for issue 15's pages.</summary>
    private Task<int> AddPracticeDataAsync(int teamId, int candidateId, string specialistId, string suffix) => Data.WithDbAsync(async db =>
    {
        var candidate = await db.Candidates.SingleAsync(c => c.Id == candidateId);
        var note = JournalNote.Create(candidate, specialistId, Data.Today, JournalKind.Meeting, WorkPlace.OutOfOffice, 30, "Samtale", Data.Today, DateTime.UtcNow);
        var review = CaseReview.Schedule(teamId, candidateId, CaseReviewReason.LostJob, Data.Today, specialistId, DateTime.UtcNow);
        var activity = GroupActivity.Create(teamId, Data.Today, GroupActivityKind.CvGroup, "CV-gruppe", null, 60,
            [specialistId], [candidateId], specialistId, Data.Today, DateTime.UtcNow);
        db.AddRange(note, review, activity);
        await db.SaveChangesAsync();
        Ids["note" + suffix] = note.Id;
        Ids["rev" + suffix] = review.Id;
        Ids["act" + suffix] = activity.Id;
        return 0;
    });

    private Task<int> AddBlockAsync(string userId) => Data.WithDbAsync(async db =>
    {
        var block = TimeBlock.Create(userId, Data.Today, 30, TimeCategory.OfficeWork, false, null, Data.Today, DateTime.UtcNow);
        db.Add(block);
        await db.SaveChangesAsync();
        return block.Id;
    });

    private Task<int> AddEmployerDataAsync(int teamId, int candidateId, string specialistId, string suffix) => Data.WithDbAsync(async db =>
    {
        var employer = new Employer { TeamId = teamId, Sector = EmployerSector.Private, CreatedAtUtc = DateTime.UtcNow };
        var n = 90_000_000 + (teamId * 100);
        while (OrganizationNumber.ControlDigit(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) is null)
        {
            n++;
        }

        var first = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        employer.Rename(TestData.Unique("Arbeidsgiver "), first + OrganizationNumber.ControlDigit(first));
        db.Add(employer);
        await db.SaveChangesAsync();
        var opportunity = new JobOpportunity { EmployerId = employer.Id, CreatedAtUtc = DateTime.UtcNow };
        opportunity.Describe("Lagermedarbeider", "Plukke varer", 20, null, "Oslo", null, "Lager", OpportunityStatus.Open, null, null);
        var placement = Placement.Register(candidateId, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 50, Data.Today.AddDays(-30), null, specialistId, DateTime.UtcNow);
        placement.Measures.Add(SupportMeasure.Lonnstilskudd(40, Data.Today.AddDays(-30), null, Data.Today.AddDays(30), DateTime.UtcNow));
        var contact = EmployerContact.Create(employer.Id, specialistId, Data.Today, EmployerContactKind.Visit, EmployerContactPurpose.BuildNetwork, false, 30, null, [], Data.Today, DateTime.UtcNow);
        db.AddRange(opportunity, placement, contact);
        await db.SaveChangesAsync();
        Ids["emp" + suffix] = employer.Id;
        Ids["opp" + suffix] = opportunity.Id;
        Ids["mid" + suffix] = placement.Measures[0].Id;
        Ids["con" + suffix] = contact.Id;
        return 0;
    });

    Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        foreach (var client in tokenClients.Values)
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Every page and API route for every role, as DOMAIN.md's roles table says: a jobbspesialist and a metodeveileder
/// work with their own team's candidates; a NAV-veileder registers referrals and sees only their status; leder and
/// forsker see aggregates only; admin runs users and teams.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationFixture app) : IClassFixture<AuthorizationFixture>
{
    public const string Anonymous = "Anonym";

    // Outcomes:  ok = 200 (201 for POST) · login = 302 to /Account/Login (pages) or 401 (API)
    //            deny = 302 to /Account/AccessDenied (pages) or 403 (API) · 404 = not found (another team's candidate)
    //            →/Path = 302 to the role's start page
    // {id} is a candidate of the user's own team, {other} one of another team.
    // /svar/{token} is anonymous by design: the personal token in the link is the credential (rate-limited); an
    // unknown token is 404 for everyone, signed in or not.
    private static readonly string[] Roles =
        [Core.Identity.Roles.Jobbspesialist, Core.Identity.Roles.Metodeveileder, Core.Identity.Roles.NavVeileder,
         Core.Identity.Roles.Leder, Core.Identity.Roles.Forsker, Core.Identity.Roles.Admin, Anonymous];

    private const string Matrix = """
        route                              | Jobbspesialist | Metodeveileder | NavVeileder      | Leder      | Forsker    | Admin  | Anonym
        GET  /                             | →/Portfolio    | →/Candidates   | →/Referrals/Mine | →/Overview | →/Overview | →/Admin| login
        GET  /Portfolio                    | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates                   | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Details/{id}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Details/{other}   | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Edit/{id}         | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Edit/{other}      | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Stage/{id}        | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Stage/{other}     | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Discharge/{id}    | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Discharge/{other} | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Journal/{id}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Journal/{other}   | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Agreement/{id}    | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Agreement/{other} | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Profile/{id}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/Profile/{other}   | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Referrals/New                | ok             | ok             | ok               | deny       | deny       | deny   | login
        GET  /Referrals/Mine               | deny           | deny           | ok               | deny       | deny       | deny   | login
        GET  /Overview                     | ok             | ok             | deny             | ok         | ok         | deny   | login
        GET  /Overview?team={team}&period=year&year=2025 | ok | ok          | deny             | ok         | ok         | deny   | login
        GET  /Overview?team={teamOther}    | 404            | 404            | deny             | ok         | ok         | deny   | login
        GET  /Overview?handler=Export&format=csv | ok       | ok             | deny             | ok         | ok         | deny   | login
        GET  /Overview?handler=Export&format=xlsx&team={teamOther} | 404 | 404 | deny          | ok         | ok         | deny   | login
        GET  /Overview/Rows?key=caseload   | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Overview/Rows?key=employer-contacts&from=2026-01-01&to=2026-03-31 | ok | ok | deny | deny  | deny       | deny   | login
        GET  /Overview/Rows?key=unknown    | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/teams                    | ok             | ok             | deny             | ok         | ok         | deny   | login
        GET  /api/teams/{team}/indicators  | ok             | ok             | deny             | ok         | ok         | deny   | login
        GET  /api/teams/{teamOther}/indicators?from=2025-01-01&to=2025-12-31 | 404 | 404 | deny | ok    | ok         | deny   | login
        GET  /Admin/Targets                | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Admin/Memberships/{nav}      | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Admin/Memberships/nobody     | deny           | deny           | deny             | deny       | deny       | 404    | login
        GET  /TimeLog/Absence              | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Admin                        | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Audit                        | deny           | ok             | deny             | deny       | deny       | ok     | login
        GET  /Audit/Candidate/{id}         | deny           | ok             | deny             | deny       | deny       | ok     | login
        GET  /Audit/Candidate/{other}      | deny           | 404            | deny             | deny       | deny       | ok     | login
        GET  /Audit/Candidate/{id}/Export  | deny           | ok             | deny             | deny       | deny       | ok     | login
        GET  /Account/Profile              | ok             | ok             | ok               | ok         | ok         | ok     | login
        GET  /Account/Login                | ok             | ok             | ok               | ok         | ok         | ok     | ok
        GET  /Account/ResetPassword        | ok             | ok             | ok               | ok         | ok         | ok     | ok
        GET  /Account/ExternalLogin        | 404            | 404            | 404              | 404        | 404        | 404    | 404
        GET  /Account/ExternalCallback     | 404            | 404            | 404              | 404        | 404        | 404    | 404
        GET  /health                       | ok             | ok             | ok               | ok         | ok         | ok     | ok
        GET  /openapi/v1.json              | ok             | ok             | ok               | ok         | ok         | ok     | ok
        GET  /api/candidates               | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{id}          | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{other}       | 404            | 404            | deny             | deny       | deny       | deny   | login
        POST /api/referrals                | ok             | ok             | ok               | deny       | deny       | deny   | login
        GET  /api/referrals/mine           | deny           | deny           | ok               | deny       | deny       | deny   | login
        GET  /Studies                      | deny           | ok             | deny             | deny       | deny       | ok     | login
        GET  /Studies/New                  | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Studies/Enrol/{study}        | deny           | ok             | deny             | deny       | deny       | ok     | login
        GET  /Studies/Enrol/{otherstudy}   | deny           | 404            | deny             | deny       | deny       | ok     | login
        GET  /Studies/Export/{study}       | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Research/Studies             | deny           | deny           | deny             | deny       | ok         | deny   | login
        GET  /Research/Export/{study}      | deny           | deny           | deny             | deny       | ok         | deny   | login
        GET  /Research/Export/{study}?handler=Download&format=csv&file=participants | deny | deny | deny | deny | ok | deny | login
        GET  /Research/Export/{study}?handler=Download&format=xlsx | deny | deny | deny | deny | ok | deny | login
        GET  /Research/Export/{study}?handler=Download&format=research&file=wide.sps | deny | deny | deny | deny | ok | deny | login
        GET  /Research/Export/{study}?handler=Download&format=research&file=long-placement.csv | deny | deny | deny | deny | ok | deny | login
        GET  /Research/Codebook/{study}    | deny           | deny           | deny             | deny       | ok         | deny   | login
        GET  /Research/Analysis            | deny           | deny           | deny             | deny       | ok         | deny   | login
        GET  /Research/Analysis/{study}    | deny           | deny           | deny             | deny       | ok         | deny   | login
        GET  /Research/Analysis/{otherstudy}?Input.Construct=work_ability&Input.CompareWaves=0&Input.CompareWaves=3 | deny | deny | deny | deny | 404 | deny | login
        GET  /Research/Analysis/999999     | deny           | deny           | deny             | deny       | 404        | deny   | login
        GET  /Opportunities                | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/New/{emp}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/New/{empOther} | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/Details/{opp}  | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/Details/{oppOther} | 404        | 404            | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/Edit/{opp}     | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/Edit/{oppOther} | 404           | 404            | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/Candidate/{id} | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Opportunities/Candidate/{other} | 404         | 404            | deny             | deny       | deny       | deny   | login
        GET  /Placements/Review/{mid}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Placements/Review/{midOther} | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Employers/ContactEdit/{con}  | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Employers/ContactEdit/{conOther} | 404        | 404            | deny             | deny       | deny       | deny   | login
        GET  /Employers/ContactDelete/{con} | ok            | ok             | deny             | deny       | deny       | deny   | login
        GET  /Employers/ContactDelete/{conOther} | 404      | 404            | deny             | deny       | deny       | deny   | login
        GET  /TimeLog/Edit/{block}         | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /TimeLog/Edit/{blockOther}    | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /TimeLog/Delete/{block}       | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /TimeLog/Delete/{blockOther}  | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/employers/{emp}/opportunities | ok        | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/employers/{empOther}/opportunities | 404  | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{id}/opportunities | ok        | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{other}/opportunities | 404    | 404            | deny             | deny       | deny       | deny   | login
        GET  /Surveys                      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Surveys?status=missed        | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Surveys/Consent/{id}         | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Surveys/Consent/{other}      | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Surveys/Paper/{wave}         | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Surveys/Paper/{waveOther}    | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Surveys/Protocol/{study}     | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Surveys/Outbox               | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Instruments                  | deny           | deny           | deny             | deny       | ok         | ok     | login
        GET  /Instruments?handler=Export&key=jobbmestring&version=1 | deny | deny | deny      | deny       | ok         | ok     | login
        GET  /api/studies                  | ok             | ok             | deny             | deny       | deny       | ok     | login
        GET  /api/studies/{study}/waves    | ok             | ok             | deny             | deny       | deny       | ok     | login
        GET  /api/studies/{otherstudy}/waves | 404          | 404            | deny             | deny       | deny       | ok     | login
        GET  /api/candidates/{id}/scores   | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{other}/scores | 404           | 404            | deny             | deny       | deny       | deny   | login
        GET  /svar/{unknowntoken}          | 404            | 404            | 404              | 404        | 404        | 404    | 404
        GET  /ActionPlans/Index/{id}       | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /ActionPlans/Index/{other}    | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /ActionPlans/Print/{id}       | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /ActionPlans/Print/{other}    | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/NoteEdit/{note}   | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/NoteEdit/{noteOther} | 404         | 404            | deny             | deny       | deny       | deny   | login
        GET  /Candidates/TakeBack/{id}     | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Candidates/TakeBack/{other}  | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Referrals/Details/{id}       | deny           | deny           | ok               | deny       | deny       | deny   | login
        GET  /Referrals/Details/{notMine}  | deny           | deny           | 404              | deny       | deny       | deny   | login
        GET  /CaseReviews                  | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/New              | deny           | ok             | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/New/{id}         | deny           | ok             | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/New/{other}      | deny           | 404            | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/Details/{rev}    | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/Details/{revOther} | 404          | 404            | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/Edit/{rev}       | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /CaseReviews/Edit/{revOther}  | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Activities                   | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Activities/New               | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Activities/Details/{act}     | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Activities/Details/{actOther} | 404           | 404            | deny             | deny       | deny       | deny   | login
        GET  /Placements/Check             | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{id}/action-plan | ok          | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{other}/action-plan | 404      | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/teams/{team}/case-reviews | ok            | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/teams/{teamOther}/case-reviews | 404      | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/activities?from=2026-01-01&to=2026-12-31 | ok | ok         | deny             | deny       | deny       | deny   | login
        GET  /api/employers                | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/employers/{emp}/contacts | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/employers/{empOther}/contacts | 404       | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{id}/placements | ok           | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{other}/placements | 404       | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{id}/follow-ups | ok           | ok             | deny             | deny       | deny       | deny   | login
        GET  /api/candidates/{other}/follow-ups | 404       | 404            | deny             | deny       | deny       | deny   | login
        GET  /api/specialists/me/time-log  | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Employers/Details/{emp}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Employers/Details/{empOther} | 404            | 404            | deny             | deny       | deny       | deny   | login
        GET  /Employers/Contact/{emp}      | ok             | ok             | deny             | deny       | deny       | deny   | login
        GET  /Admin/Edit/{user}            | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Admin/Edit/nobody            | deny           | deny           | deny             | deny       | deny       | 404    | login
        GET  /Studies/Researchers/{study}  | deny           | deny           | deny             | deny       | deny       | ok     | login
        GET  /Research/Export/{otherstudy} | deny           | deny           | deny             | deny       | 404        | deny   | login
        GET  /Research/Export/{otherstudy}?handler=Download&format=xlsx | deny | deny | deny | deny | 404 | deny | login
        """;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        var lines = Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split('|', StringSplitOptions.TrimEntries);
        Assert.Equal(["route", .. Roles], header);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(Roles.Length + 1, cells.Length);
            for (var i = 0; i < Roles.Length; i++)
            {
                data.Add(cells[0], Roles[i], cells[i + 1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_Role_AnswersAsDomainSays(string route, string role, string expected)
    {
        var parts = route.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (method, path) = (parts[0], parts[1]
            .Replace("{id}", app.OwnCandidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{otherstudy}", app.OtherStudy.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{study}", app.OwnStudy.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{other}", app.OtherTeamCandidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{unknowntoken}", new string('x', 43), StringComparison.Ordinal)
            .Replace("{block}", app.OwnBlocks[role].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{user}", app.Users[Core.Identity.Roles.Jobbspesialist].Id, StringComparison.Ordinal)

            .Replace("{nav}", app.NavVeileder.Id, StringComparison.Ordinal));
        foreach (var (key, value) in app.Ids.OrderByDescending(x => x.Key.Length))
        {
            path = path.Replace("{" + key + "}", value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var client = app.Client(role);
        using var response = method == "POST" ? await client.PostJsonAsync(path, Referral()) : await client.GetAsync(path);
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);
        var status = response.StatusCode;
        var because = $"{route} as {role}: got {(int)status} {response.Headers.Location}";

        switch (expected)
        {
            case "ok":
                Assert.True(status == (method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK), because + " " + await response.Content.ReadAsStringAsync());
                break;
            case "404":
                Assert.True(status == HttpStatusCode.NotFound, because);
                break;
            case "login" when isApi:
                Assert.True(status == HttpStatusCode.Unauthorized, because);
                break;
            case "login":
                Assert.True(status == HttpStatusCode.Redirect && response.RedirectPath() == "/Account/Login", because);
                break;
            case "deny" when isApi:
                Assert.True(status == HttpStatusCode.Forbidden, because);
                break;
            case "deny":
                Assert.True(status == HttpStatusCode.Redirect && response.RedirectPath() == "/Account/AccessDenied", because);
                break;
            case ['→', .. var target]:
                Assert.True(status == HttpStatusCode.Redirect && response.RedirectPath() == target, because);
                break;
            default:
                Assert.Fail("Unknown outcome in the matrix: " + expected);
                break;
        }
    }

    // Personal API tokens, read-only (R) and read-write (RW), one of each per role. A token counts on /api only: on a
    // page or form it is no sign-in at all (login); a read-only token may not write (deny = 403).
    private static readonly string[] TokenColumns = [.. Core.Identity.Roles.All.SelectMany(r => new[] { r + ":R", r + ":RW" })];

    private const string TokenMatrix = """
        route                              | Jobbspesialist:R | Jobbspesialist:RW | Metodeveileder:R | Metodeveileder:RW | NavVeileder:R | NavVeileder:RW | Leder:R | Leder:RW | Forsker:R | Forsker:RW | Admin:R | Admin:RW
        GET  /api/candidates               | ok    | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/candidates/{id}          | ok    | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/candidates/{other}       | 404   | 404   | 404   | 404   | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        POST /api/referrals                | deny  | ok    | deny  | ok    | deny  | ok    | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/referrals/mine           | deny  | deny  | deny  | deny  | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/employers/{emp}/contacts | ok    | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/candidates/{id}/placements | ok  | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/candidates/{id}/follow-ups | ok  | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/specialists/me/time-log  | ok    | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/employers                | ok    | ok    | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/employers/{empOther}/contacts | 404 | 404 | 404   | 404   | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/employers/{emp}/opportunities | ok | ok   | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/candidates/{id}/opportunities | ok | ok   | ok    | ok    | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /api/candidates/{other}/placements | 404 | 404 | 404   | 404   | deny  | deny  | deny  | deny  | deny  | deny  | deny  | deny
        GET  /Audit/Candidate/{id}/Export  | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /FollowUps/Calendar           | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /openapi/v1.json              | ok    | ok    | ok    | ok    | ok    | ok    | ok    | ok    | ok    | ok    | ok    | ok
        GET  /                             | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /Candidates/Details/{id}      | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /Portfolio                    | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /Referrals/Mine               | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /Account/Profile              | login | login | login | login | login | login | login | login | login | login | login | login
        POST /Account/Profile?handler=Create | login | login | login | login | login | login | login | login | login | login | login | login
        POST /Account/Profile?handler=Revoke&id=1 | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /Admin                        | login | login | login | login | login | login | login | login | login | login | login | login
        GET  /Research/Export/{study}      | login | login | login | login | login | login | login | login | login | login | login | login
        """;

    public static TheoryData<string, string, string> TokenCases()
    {
        var data = new TheoryData<string, string, string>();
        var lines = TokenMatrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["route", .. TokenColumns], lines[0].Split('|', StringSplitOptions.TrimEntries));
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(TokenColumns.Length + 1, cells.Length);
            for (var i = 0; i < TokenColumns.Length; i++)
            {
                data.Add(cells[0], TokenColumns[i], cells[i + 1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TokenCases))]
    public async Task Route_ApiToken_AnswersAsScopeAndRoleSay(string route, string column, string expected)
    {
        var parts = route.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var role = column.Split(':')[0];
        var (method, path) = (parts[0], Fill(parts[1], role));
        var client = app.TokenClient(column);
        using var response = method == "POST"
            ? await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), Referral())
            : await client.GetAsync(new Uri(path, UriKind.Relative));
        var status = response.StatusCode;
        var because = $"{route} with a {column} token: got {(int)status} {response.Headers.Location}";
        var isApi = path.StartsWith("/api/", StringComparison.Ordinal);

        switch (expected)
        {
            case "ok":
                Assert.True(status == (method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK), because + " " + await response.Content.ReadAsStringAsync());
                break;
            case "404":
                Assert.True(status == HttpStatusCode.NotFound, because);
                break;
            case "deny":
                Assert.True(isApi && status == HttpStatusCode.Forbidden, because);
                break;
            case "login":
                Assert.True(!isApi && status == HttpStatusCode.Redirect && response.RedirectPath() == "/Account/Login", because);
                break;
            default:
                Assert.Fail("Unknown outcome in the token matrix: " + expected);
                break;
        }
    }

    private string Fill(string path, string role)
    {
        path = path
            .Replace("{id}", app.OwnCandidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{study}", app.OwnStudy.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{other}", app.OtherTeamCandidate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{block}", app.OwnBlocks[role].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        foreach (var (key, value) in app.Ids.OrderByDescending(x => x.Key.Length))
        {
            path = path.Replace("{" + key + "}", value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return path;
    }

    private object Referral() => new
    {
        firstName = TestData.Unique("Api"),
        lastName = TestData.Unique("Matrise"),
        nationalId = TestData.SyntheticNationalId(),
        referredById = app.NavVeileder.Id,
        referredOn = app.Data.Today.AddDays(-1),
        innsatsgruppe = "Situasjonsbestemt",
        reason = "Ønsker arbeid.",
        teamId = app.OwnTeam.Id,
    };
}
