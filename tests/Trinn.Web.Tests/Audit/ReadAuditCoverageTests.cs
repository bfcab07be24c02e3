using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Activities;
using Trinn.Core.Audit;
using Trinn.Core.Candidates;
using Trinn.Core.CaseReviews;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;
using Trinn.Core.Fidelity;
using Trinn.Core.Instruments.Shipped;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.Surveys;
using Trinn.Core.TimeLog;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Tests.Audit;

/// <summary>
/// Walks every GET route of the app (every page handler and API route in the endpoint data source) as every role,
/// with a seeded candidate whose names, national ID and free texts are unique markers. Fails when a route shows a
/// marker without writing a read (or export) entry for that candidate, when a route declared
/// <see cref="ReadsCandidateDataAttribute"/> fails, when a route audits reads without being declared, and when a
/// declared route refuses another team's candidate without an AccessDenied entry. A new route whose parameters the
/// table below cannot fill fails too, so nobody adds a route without deciding how it is probed.
/// </summary>
public abstract class ReadAuditCoverageTests(TrinnFactory app)
{
    private static readonly string[] ProbingRoles = [.. Roles.All];

    [Fact]
    public async Task EveryRoute_ShowingCandidateData_WritesAReadEntryAndDeclaresIt()
    {
        var scene = await CoverageScene.CreateAsync(app);
        var routes = await RoutesAsync();
        Assert.True(routes.Count > 60, $"only {routes.Count} GET routes found: the walk itself is broken");
        var problems = new List<string>();
        foreach (var route in routes)
        {
            var url = route.Url(scene, other: false);
            if (url is null)
            {
                problems.Add($"{route.Pattern}: parameters the coverage table cannot fill; add them to CoverageScene.Resolve");
                continue;
            }

            foreach (var role in ProbingRoles)
            {
                var (status, body, entries) = await RequestAsync(scene, role, url);
                var who = $"GET {url} as {role} ({(int)status})";
                if (status == HttpStatusCode.InternalServerError)
                {
                    problems.Add($"{who}: server error (a declared route that wrote no audit entry fails like this)");
                    continue;
                }

                // Reads and exports of identified candidates (a pseudonymous research export names no candidate).
                var reads = entries.Where(e => e.Action is AuditAction.Read or AuditAction.Export && e.CandidateId is not null).ToList();
                if (status == HttpStatusCode.OK && scene.ShowsCandidate(body) is { } marker
                    && !reads.Any(e => e.CandidateId == scene.Candidate.Id))
                {
                    problems.Add($"{who}: shows the candidate's {marker} but wrote no read entry for the candidate");
                }

                if (reads.Count > 0 && !route.Declared)
                {
                    problems.Add($"{who}: audits reads of candidates but is not declared [ReadsCandidateData]");
                }

                // One durable audit wait per request: what a read shows is audited as one list, which the group-commit writer
                // appends in one batch (one time); a second wait adds a whole commit to the request's time under load.
                var commits = entries.Where(e => e.UserId is not null && e.Action is AuditAction.Read or AuditAction.Export or AuditAction.AccessDenied)
                    .Select(e => e.AtUtc).Distinct().Count();
                if (commits > 1)
                {
                    problems.Add($"{who}: waits for {commits} audit commits; audit what the request shows in one call (CandidateAccess.AuditReadsAsync)");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task EveryDeclaredRoute_AnotherTeamsCandidate_NotShownAndAuditedAsAccessDenied()
    {
        var scene = await CoverageScene.CreateAsync(app);
        var routes = (await RoutesAsync()).Where(r => r.Declared && r.TakesCandidate).ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} declared routes take a candidate");
        var problems = new List<string>();
        foreach (var route in routes)
        {
            var url = route.Url(scene, other: true)!;
            foreach (var role in new[] { Roles.Jobbspesialist, Roles.Metodeveileder })
            {
                var (status, body, entries) = await RequestAsync(scene, role, url);
                var who = $"GET {url} as {role} ({(int)status})";
                if (scene.ShowsOtherCandidate(body) is { } marker)
                {
                    problems.Add($"{who}: shows the other team's candidate's {marker}");
                }

                if (status == HttpStatusCode.NotFound && !entries.Any(e => e.Action == AuditAction.AccessDenied && e.CandidateId == scene.OtherCandidate.Id))
                {
                    problems.Add($"{who}: refused without an AccessDenied entry");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private async Task<(HttpStatusCode Status, string Body, List<AuditEntry> Entries)> RequestAsync(CoverageScene scene, string role, string url)
    {
        var before = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(e => (long?)e.Sequence)) ?? 0;
        using var response = await scene.Client(role).GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var body = WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
        if (response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheetml", StringComparison.Ordinal) == true)
        {
            body = "(workbook)";
        }

        var entries = await app.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence > before).ToListAsync());
        return (response.StatusCode, body, entries);
    }

    /// <summary>Every GET-able route: one entry per page GET handler (named handlers as ?handler=) and per API GET route.</summary>
    private async Task<List<ProbedRoute>> RoutesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new List<ProbedRoute>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                var declared = compiled.EndpointMetadata.OfType<ReadsCandidateDataAttribute>().Any();
                foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)))
                {
                    routes.Add(new ProbedRoute(pattern, handler.Name, endpoint.RoutePattern.Parameters.Select(p => (p.Name, p.IsOptional)).ToList(), declared));
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods && methods.HttpMethods.Contains("GET"))
            {
                routes.Add(new ProbedRoute(pattern, null, endpoint.RoutePattern.Parameters.Select(p => (p.Name, p.IsOptional)).ToList(),
                    endpoint.Metadata.GetMetadata<ReadsCandidateDataAttribute>() is not null));
            }
        }

        return routes;
    }
}

/// <summary>A GET route as the walk requests it.</summary>
public sealed record ProbedRoute(string Pattern, string? Handler, IReadOnlyList<(string Name, bool Optional)> Parameters, bool Declared)
{
    public bool TakesCandidate => Parameters.Any(p => CoverageScene.IsCandidateParameter(Pattern, p.Name));

    /// <summary>The URL with every parameter filled from the scene (the other team's candidate when asked); null when one cannot be.</summary>
    public string? Url(CoverageScene scene, bool other)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var url = Pattern;
        foreach (var (name, optional) in Parameters)
        {
            var value = scene.Resolve(Pattern, name, other);
            if (value is null && !optional)
            {
                return null;
            }

            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + name + "[^}]*\\}", value ?? "");
        }

        url = url.TrimEnd('/');
        var query = new List<string>();
        if (Handler is not null)
        {
            query.Add("handler=" + Handler);
        }

        query.AddRange(CoverageScene.ExtraQuery(Pattern, Handler, scene, other));
        return (url.Length == 0 ? "/" : url) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}

/// <summary>
/// Two teams: in team A a candidate with every kind of data Trinn holds, each free text a unique marker; in team B
/// another. One signed-in user per role (team members in team A), a study of team A with the candidate enrolled and
/// granted to the forsker.
/// </summary>
public sealed class CoverageScene
{
    private readonly Dictionary<string, BrowserClient> clients = [];
    private readonly Dictionary<string, string> markers = [];
    private readonly Dictionary<string, string> otherMarkers = [];

    public Candidate Candidate { get; private set; } = default!;

    public Candidate OtherCandidate { get; private set; } = default!;

    public Dictionary<string, string> Ids { get; } = [];

    public BrowserClient Client(string role) => clients[role];

    public static bool IsCandidateParameter(string pattern, string name) =>
        name == "candidateId" || (name == "id" && (pattern.StartsWith("/Candidates/", StringComparison.OrdinalIgnoreCase)
            || pattern.StartsWith("/api/candidates/", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/Audit/Candidate", StringComparison.OrdinalIgnoreCase)
            || pattern.StartsWith("/Surveys/Consent/", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The value for one route parameter; null when the table has no rule for it.</summary>
    public string? Resolve(string pattern, string name, bool other)
    {
        if (IsCandidateParameter(pattern, name))
        {
            return S(other ? OtherCandidate.Id : Candidate.Id);
        }

        string? Of(string key) => Ids[key];
        return (pattern.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
        {
            ["api", "employers", ..] => Of("employer"),
            ["Employers", "Details" or "Edit" or "Contact", ..] => Of("employer"),
            ["Employers", "ContactEdit" or "ContactDelete", ..] => Of("contact"),
            ["Opportunities", "New", ..] => Of("employer"),
            ["Opportunities", "Details" or "Edit", ..] => Of("opportunity"),
            ["Placements", "Review", ..] => Of("measure"),
            ["Placements", "Measure" or "End" or "PlannedEnd", ..] => Of("placement"),
            ["TimeLog", "Edit" or "Delete", ..] => Of("block"),
            ["Studies" or "Research", _, ..] => Of("study"),
            ["api", "studies", ..] => Of("study"),
            ["api", "teams", ..] => Of("team"),
            ["Surveys", "Protocol", ..] => Of("study"),
            ["Surveys", "Paper", ..] => Of("wave"),
            ["CaseReviews", "Details" or "Edit", ..] => Of("review"),
            ["Activities", "Details", ..] => Of("activity"),
            ["Fidelity", _, ..] => "999999",
            ["Admin", "Edit" or "Memberships", ..] => Of("user"),
            ["FollowUps", "Feed", ..] => Of("feed"),
            ["openapi", ..] => "v1",
            _ => null,
        }) is { } value && (name is "id" or "employerId" or "token" or "documentName") ? value : null;
    }

    /// <summary>Query values a handler needs to show something (a download format, a preselected candidate).</summary>
    public static IEnumerable<string> ExtraQuery(string pattern, string? handler, CoverageScene scene, bool other)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var candidate = S(other ? scene.OtherCandidate.Id : scene.Candidate.Id);
        return (pattern, handler) switch
        {
            (_, "Download") => ["format=xlsx"],
            ({ } p, _) when p.StartsWith("/Employers/Contact/", StringComparison.Ordinal) || p.StartsWith("/Opportunities/New/", StringComparison.Ordinal) => ["candidateId=" + candidate],
            _ => [],
        };
    }

    /// <summary>Which of the candidate's markers the body shows, if any.</summary>
    public string? ShowsCandidate(string body) => markers.FirstOrDefault(m => body.Contains(m.Value, StringComparison.Ordinal)).Key;

    public string? ShowsOtherCandidate(string body) => otherMarkers.FirstOrDefault(m => body.Contains(m.Value, StringComparison.Ordinal)).Key;

    public static async Task<CoverageScene> CreateAsync(TrinnFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var scene = new CoverageScene();
        var teamA = await app.Data.AddTeamAsync();
        var teamB = await app.Data.AddTeamAsync();
        var users = new Dictionary<string, TrinnUser>();
        foreach (var role in Roles.All)
        {
            users[role] = await app.Data.AddUserAsync(role, Roles.NeedsTeam(role) ? teamA : null);
            scene.clients[role] = await BrowserClient.LoginAsync(app, users[role].UserName!);
        }

        var specialist = users[Roles.Jobbspesialist];
        var nav = users[Roles.NavVeileder];
        scene.Candidate = await app.Data.AddCandidateAsync(teamA, nav, stage: 5, specialist: specialist, lastContact: app.Data.Today.AddDays(-20), nextAction: "Neste-" + Marker());
        var otherSpecialist = await app.Data.AddUserAsync(Roles.Jobbspesialist, teamB);
        scene.OtherCandidate = await app.Data.AddCandidateAsync(teamB, nav, stage: 5, specialist: otherSpecialist);
        var c = scene.Candidate;
        scene.markers["first name"] = c.FirstName;
        scene.markers["last name"] = c.LastName;
        scene.markers["national ID"] = c.NationalId;
        scene.otherMarkers["first name"] = scene.OtherCandidate.FirstName;
        scene.otherMarkers["last name"] = scene.OtherCandidate.LastName;
        scene.otherMarkers["national ID"] = scene.OtherCandidate.NationalId;
        var journal = scene.markers["journal note"] = "Journal-" + Marker();
        var agreed = scene.markers["agreement"] = "Avtale-" + Marker();
        var contactNote = scene.markers["contact note"] = "Kontakt-" + Marker();
        var followUpNote = scene.markers["follow-up note"] = "Oppfolging-" + Marker();
        scene.markers["next action"] = c.NextAction!;
        var today = app.Data.Today;
        var now = app.Time.GetUtcNow().UtcDateTime;

        await app.Data.WithDbAsync(async db =>
        {
            db.Add(new CooperationAgreement { CandidateId = c.Id, SignedOn = today.AddDays(-50), Agreed = agreed, ConsentEmployerContact = true, ConsentResearch = true });
            db.Add(new JournalNote { CandidateId = c.Id, AuthorId = specialist.Id, Date = today.AddDays(-3), Kind = JournalKind.Meeting, Place = WorkPlace.OutOfOffice, DurationMinutes = 30, Text = journal, CreatedAtUtc = now });
            var employer = new Employer { TeamId = teamA.Id, Sector = EmployerSector.Private, CreatedAtUtc = now };
            employer.Rename("Bedrift-" + Marker(), OrganizationNumberFor(teamA.Id));
            db.Add(employer);
            await db.SaveChangesAsync();
            var placement = Placement.Register(c.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 50, today.AddDays(-40), null, specialist.Id, now);
            placement.Measures.Add(SupportMeasure.Lonnstilskudd(40, today.AddDays(-40), null, today.AddDays(-2), now));
            var contact = EmployerContact.Create(employer.Id, specialist.Id, today.AddDays(-1), EmployerContactKind.Visit, EmployerContactPurpose.FollowUp, false, 30, contactNote, [c.Id], today, now);
            var opportunity = new JobOpportunity { EmployerId = employer.Id, CreatedAtUtc = now };
            opportunity.Describe("Skreddersydd", "Oppgaver", 20, null, "Oslo", null, "Lager", OpportunityStatus.Open, c.Id, null);
            db.AddRange(placement, contact, opportunity, FollowUp.Planned(c.Id, FollowUpKind.Weekly, today.AddDays(-2), followUpNote));
            var block = TimeBlock.Create(specialist.Id, today, 30, TimeCategory.OfficeWork, false, null, today, now);
            var (feed, secret) = CalendarFeedToken.Create(specialist.Id, now);
            db.AddRange(block, feed);
            await db.SaveChangesAsync();
            var study = Study.Create("Studie-" + Marker(), false, [teamA.Id], users[Roles.Admin].Id, now);
            db.Add(study);
            await db.SaveChangesAsync();
            await StudyEnrolment.EnrolAsync(db, study, c.Id, users[Roles.Admin].Id, now);
            db.Add(new StudyResearcher { StudyId = study.Id, UserId = users[Roles.Forsker].Id, GrantedById = users[Roles.Admin].Id, GrantedAtUtc = now });
            var review = CaseReview.Schedule(teamA.Id, c.Id, CaseReviewReason.LostJob, today.AddDays(3), users[Roles.Metodeveileder].Id, now);
            var activity = GroupActivity.Create(teamA.Id, today.AddDays(-1), GroupActivityKind.CvGroup, "Gruppe-" + Marker(), null, 60, [specialist.Id], [c.Id], specialist.Id, today, now);
            db.AddRange(review, activity);
            var instrument = await InstrumentStore.PublishAsync(db, ShippedInstruments.JobSeekerQuestionnaire, now);
            var protocol = StudyProtocol.CreateDefault(study.Id);
            protocol.UseInstrument(instrument.Key, instrument.Version);
            db.Add(protocol);
            db.Add(InformationLetter.Create(study.Id, null, "Informasjon om studien.", users[Roles.Admin].Id, now));
            await db.SaveChangesAsync();
            var consent = await StudyConsent.RegisterAsync(db, study, protocol, c.Id, today.AddDays(-30), today.AddDays(-30), 1, users[Roles.Admin].Id, today, now);
            await db.SaveChangesAsync();
            scene.Ids["wave"] = S(await db.Set<SurveyWave>().Where(w => w.ParticipantId == consent.ParticipantId).OrderBy(w => w.Id).Select(w => w.Id).FirstAsync());
            scene.Ids["review"] = S(review.Id);
            scene.Ids["activity"] = S(activity.Id);
            scene.Ids["team"] = S(teamA.Id);
            scene.Ids["employer"] = S(employer.Id);
            scene.Ids["contact"] = S(contact.Id);
            scene.Ids["opportunity"] = S(opportunity.Id);
            scene.Ids["placement"] = S(placement.Id);
            scene.Ids["measure"] = S(placement.Measures[0].Id);
            scene.Ids["block"] = S(block.Id);
            scene.Ids["study"] = S(study.Id);
            scene.Ids["feed"] = secret;
            scene.Ids["user"] = specialist.Id;
            return 0;
        });
        return scene;
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..12];

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OrganizationNumberFor(int teamId)
    {
        var n = 91_000_000 + (teamId * 100);
        while (OrganizationNumber.ControlDigit(n.ToString(CultureInfo.InvariantCulture)) is null)
        {
            n++;
        }

        var first = n.ToString(CultureInfo.InvariantCulture);
        return first + OrganizationNumber.ControlDigit(first);
    }
}

public sealed class ReadAuditCoverageSqliteTests(TrinnFactory app) : ReadAuditCoverageTests(app), IClassFixture<TrinnFactory>;

public sealed class ReadAuditCoveragePostgresTests(PostgresTrinnFactory app) : ReadAuditCoverageTests(app), IClassFixture<PostgresTrinnFactory>;
