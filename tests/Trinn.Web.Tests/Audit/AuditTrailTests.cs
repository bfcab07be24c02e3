using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Audit;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Opportunities;
using Trinn.Core.Placements;
using Trinn.Core.Research;
using Trinn.Core.TimeLog;
using Trinn.Core.Identity;
using Trinn.Web.Tests.Workplace;

namespace Trinn.Web.Tests.Audit;

public abstract class AuditTrailTests(TrinnFactory factory)
{
    [Fact]
    public async Task ReadingACandidate_IsAuditedWithUserRoleAndCandidate()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);

        await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");

        var reads = await Entries(candidate.Id, AuditAction.Read);
        var read = Assert.Single(reads, e => e.EntityType == "DetailsPage");
        Assert.Equal(staff.Specialist.Id, read.UserId);
        Assert.Equal(Roles.Jobbspesialist, read.Role);
    }

    [Fact]
    public async Task PooledContexts_TwoUsersReadingAtOnce_EachEntryRecordsItsOwnReader()
    {
        // Contexts are pooled (DatabaseRegistration.AddTrinnData): a context one user's request returned is handed to the
        // next request, so the actor it records must be set on every lease, never left from the previous one.
        Assert.IsType<PooledDbContextFactory<Trinn.Core.Data.TrinnDbContext>>(
            factory.Services.GetRequiredService<IDbContextFactory<Trinn.Core.Data.TrinnDbContext>>());
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var colleague = await factory.Data.AddUserAsync(Roles.Metodeveileder, staff.Team);
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var specialist = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);
        using var supervisor = await BrowserClient.LoginAsync(factory, colleague.UserName!);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? specialist : supervisor).GetHtmlAsync($"/Candidates/Details/{candidate.Id}")));

        var reads = (await Entries(candidate.Id, AuditAction.Read)).Where(e => e.EntityType == "DetailsPage").ToList();
        Assert.Equal(6, reads.Count(e => e.UserId == staff.Specialist.Id && e.Role == Roles.Jobbspesialist));
        Assert.Equal(6, reads.Count(e => e.UserId == colleague.Id && e.Role == Roles.Metodeveileder));
        Assert.Equal(12, reads.Count);
    }

    [Theory]
    [InlineData("/Placements/Index/{0}", "PlacementsPage")]
    [InlineData("/FollowUps/Index/{0}", "FollowUpsPage")]
    [InlineData("/Duration/Index/{0}", "DurationPage")]
    public async Task ReadingStageThreeToFivePages_IsAudited(string route, string entityType)
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, stage: 3);
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);

        await client.GetHtmlAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, candidate.Id));

        Assert.Single(await Entries(candidate.Id, AuditAction.Read), e => e.EntityType == entityType && e.UserId == staff.Specialist.Id);
    }

    [Fact]
    public async Task ChangingACandidate_RecordsOldAndNewValuesButNeverTheNationalId()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);
        var form = await client.GetFormAsync($"/Candidates/Edit/{candidate.Id}");

        using var response = await client.PostFormAsync(form, new()
        {
            ["Input.FirstName"] = "Endretnavn",
            ["Input.LastName"] = candidate.LastName,
            ["Input.Phone"] = "41111111",
            ["Input.PrimarySpecialistId"] = staff.Specialist.Id,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var update = Assert.Single(await Entries(candidate.Id, AuditAction.Update), e => e.EntityType == "Candidate");
        using var changes = JsonDocument.Parse(update.Changes!);
        Assert.Equal(candidate.FirstName, changes.RootElement.GetProperty("FirstName")[0].GetString());
        Assert.Equal("Endretnavn", changes.RootElement.GetProperty("FirstName")[1].GetString());
        Assert.Equal("41111111", changes.RootElement.GetProperty("Phone")[1].GetString());
        var all = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.CandidateId == candidate.Id).Select(e => e.Changes).ToListAsync());
        Assert.DoesNotContain(all, c => c != null && c.Contains(candidate.NationalId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeSequence_MovedByAChange_NotByReadsOrRefusals()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        var theirs = await factory.Data.AddCandidateAsync((await factory.Data.AddTeamWithStaffAsync()).Team, staff.NavVeileder);
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);
        var before = await Head();

        await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");
        using (var denied = await client.GetAsync($"/Candidates/Details/{theirs.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        }

        var afterReads = await Head();
        Assert.True(afterReads.LastSequence > before.LastSequence, "the reads were not appended to the chain");
        Assert.Equal(before.LastChangeSequence, afterReads.LastChangeSequence);

        var form = await client.GetFormAsync($"/Candidates/Edit/{candidate.Id}");
        using var response = await client.PostFormAsync(form, new()
        {
            ["Input.FirstName"] = "Endret",
            ["Input.LastName"] = candidate.LastName,
            ["Input.Phone"] = "41111111",
            ["Input.PrimarySpecialistId"] = staff.Specialist.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var update = Assert.Single(await Entries(candidate.Id, AuditAction.Update), e => e.EntityType == "Candidate");
        var afterChange = await Head();
        Assert.True(afterChange.LastChangeSequence >= update.Sequence, "the change did not move the change sequence");
        var marked = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Sequence == afterChange.LastChangeSequence));
        Assert.Contains(marked.Action, new[] { AuditAction.Create, AuditAction.Update, AuditAction.Delete });
    }

    private Task<AuditHead> Head() =>
        factory.Data.WithDbAsync(db => db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId));

    [Fact]
    public async Task OtherTeamsCandidate_AttemptIsAuditedAsDenied()
    {
        var mine = await factory.Data.AddTeamWithStaffAsync();
        var theirs = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(theirs.Team, theirs.NavVeileder);
        using var client = await BrowserClient.LoginAsync(factory, mine.Specialist.UserName!);

        using var response = await client.GetAsync($"/Candidates/Details/{candidate.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var denied = Assert.Single(await Entries(candidate.Id, AuditAction.AccessDenied));
        Assert.Equal(mine.Specialist.Id, denied.UserId);
    }

    [Fact]
    public async Task Chain_AfterActivity_VerifiesIntact()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);
        await client.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");
        await client.GetHtmlAsync("/Portfolio");

        var result = await factory.Data.WithDbAsync(db => AuditChain.VerifyAsync(db));

        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.EntriesChecked > 3);
    }

    [Theory]
    [InlineData("/Portfolio", "PortfolioPage")]
    [InlineData("/Candidates", "TeamPage")]
    public async Task ListPage_ItsRowsAndItsWorkplaceWarnings_AreAuditedInOneCommit(string path, string pageEntity)
    {
        // One request, one durable audit wait: the page and the warnings shown on it are handed to the group-commit writer
        // together, so both entries carry the same batch time (the clock is real here; a second wait would come after
        // the first commit, later). Two waits per page made Min portefølje ≈ 30 % slower under load (docs/benchmarks.md).
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, stage: 4);
        await factory.Data.WithDbAsync(async db =>
        {
            db.Add(FollowUp.Planned(candidate.Id, FollowUpKind.Weekly, factory.Data.Today.AddDays(-4)));
            return await db.SaveChangesAsync();
        });
        using var client = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!);

        var html = await client.GetHtmlAsync(path);

        Assert.Contains($"data-warning=\"{nameof(Trinn.Web.Features.Placements.WorkplaceWarningKind.FollowUpOverdue)}\"", html, StringComparison.Ordinal);
        var reads = await Entries(candidate.Id, AuditAction.Read);
        var page = Assert.Single(reads, e => e.EntityType == pageEntity);
        var warning = Assert.Single(reads, e => e.EntityType == AuditEntities.WorkplaceWarnings);
        Assert.Equal(page.AtUtc, warning.AtUtc);
        Assert.Equal(page.Sequence + 1, warning.Sequence);
    }

    [Fact]
    public async Task AccessLog_MetodeveilederSeesWhoReadTheCandidate_AndExportHoldsEverything()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var supervisor = await factory.Data.AddUserAsync(Roles.Metodeveileder, staff.Team);
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, stage: 2);
        using (var specialist = await BrowserClient.LoginAsync(factory, staff.Specialist.UserName!))
        {
            await specialist.GetHtmlAsync($"/Candidates/Details/{candidate.Id}");
        }

        using var client = await BrowserClient.LoginAsync(factory, supervisor.UserName!);
        var html = await client.GetHtmlAsync($"/Audit/Candidate/{candidate.Id}");
        Assert.Contains(staff.Specialist.DisplayName, html, StringComparison.Ordinal);
        Assert.Contains("Leste", html, StringComparison.Ordinal);

        using var export = await client.GetAsync($"/Audit/Candidate/{candidate.Id}/Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var doc = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal(candidate.NationalId, doc.RootElement.GetProperty("candidate").GetProperty("nationalId").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("stageChanges").GetArrayLength());
        Assert.Contains(doc.RootElement.GetProperty("accessLog").EnumerateArray(), e => e.GetProperty("userId").GetString() == staff.Specialist.Id);
        Assert.Single(await Entries(candidate.Id, AuditAction.Export));
    }

    [Fact]
    public async Task Export_CandidateAtWork_HoldsPlacementsMeasuresFollowUpsContactsCarvedJobsAndStudies()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        var candidate = await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, stage: 3);
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Mark(string what) => $"Innsyn{what}{tag}";
        var today = factory.Data.Today;
        var now = DateTime.UtcNow;
        await factory.Data.WithDbAsync(async db =>
        {
            var employer = await db.AddEmployerAsync(staff.Team.Id, Mark("Arbeidsgiver"));
            var placement = Placement.Register(candidate.Id, employer.Id, PlacementKind.Permanent, LabourMarket.Regular, 50, today.AddDays(-20), null, staff.Specialist.Id, now);
            var subsidy = SupportMeasure.Lonnstilskudd(40, today.AddDays(-20), null, today.AddDays(-5), now);
            subsidy.Review(today.AddDays(-5), today.AddDays(60), today, Mark("Vurdering"));
            placement.Measures.Add(subsidy);
            db.Add(placement);
            db.Add(FollowUp.Planned(candidate.Id, FollowUpKind.AfterStart, today.AddDays(3), Mark("Oppfolging")));
            var contact = EmployerContact.Create(employer.Id, staff.Specialist.Id, today.AddDays(-1), EmployerContactKind.Visit, EmployerContactPurpose.PresentCandidate,
                false, 30, Mark("Kontakt"), [candidate.Id], today, now);
            db.Add(contact);
            await db.SaveChangesAsync();
            db.Add(TimeBlock.FromEmployerContact(contact, now));
            var carved = new JobOpportunity { EmployerId = employer.Id, CreatedAtUtc = now };
            carved.Describe(Mark("Stilling"), Mark("Oppgaver"), 20, null, "Oslo", null, null, OpportunityStatus.Open, candidate.Id, null);
            db.Add(carved);
            var study = Study.Create(Mark("Studie"), true, [], staff.Specialist.Id, now);
            db.Add(study);
            await db.SaveChangesAsync();
            db.Add(new StudyParticipant { StudyId = study.Id, CandidateId = candidate.Id, ResearchId = "R-" + tag[..8].ToUpperInvariant(), EnrolledById = staff.Specialist.Id, EnrolledAtUtc = now });
            await db.SaveChangesAsync();
            return 0;
        });
        var supervisor = await factory.Data.AddUserAsync(Roles.Metodeveileder, staff.Team);
        using var client = await BrowserClient.LoginAsync(factory, supervisor.UserName!);

        using var export = await client.GetAsync($"/Audit/Candidate/{candidate.Id}/Export");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var doc = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        var placementJson = Assert.Single(root.GetProperty("placements").EnumerateArray());
        Assert.Equal(Mark("Arbeidsgiver"), placementJson.GetProperty("employer").GetString());
        Assert.Equal("Permanent", placementJson.GetProperty("kind").GetString());
        Assert.Equal(Mark("Vurdering"), Assert.Single(placementJson.GetProperty("measures").EnumerateArray()).GetProperty("reviewNote").GetString());
        Assert.Contains(root.GetProperty("followUps").EnumerateArray(), f => f.GetProperty("note").GetString() == Mark("Oppfolging"));
        Assert.Equal(Mark("Kontakt"), Assert.Single(root.GetProperty("employerContacts").EnumerateArray()).GetProperty("note").GetString());
        Assert.Equal(Mark("Oppgaver"), Assert.Single(root.GetProperty("carvedJobs").EnumerateArray()).GetProperty("tasks").GetString());
        var participation = Assert.Single(root.GetProperty("studies").EnumerateArray());
        Assert.Equal(Mark("Studie"), participation.GetProperty("study").GetString());
        Assert.Equal("R-" + tag[..8].ToUpperInvariant(), participation.GetProperty("researchId").GetString());
        Assert.Contains(root.GetProperty("timeLogEntriesCarriedFromNotesAndContacts").EnumerateArray(), b => b.GetProperty("minutes").GetInt32() == 30);
    }

    private Task<List<AuditEntry>> Entries(int candidateId, AuditAction action) =>
        factory.Data.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.CandidateId == candidateId && e.Action == action).ToListAsync());
}

public sealed class AuditTrailSqliteTests(TrinnFactory factory) : AuditTrailTests(factory), IClassFixture<TrinnFactory>;

public sealed class AuditTrailPostgresTests(PostgresTrinnFactory factory) : AuditTrailTests(factory), IClassFixture<PostgresTrinnFactory>;

public sealed class AuditTamperTests(TrinnFactory factory) : IClassFixture<TrinnFactory>
{
    [Fact]
    public async Task Verify_OneRowEditedInTheDatabase_FindsExactlyThatRow()
    {
        var staff = await factory.Data.AddTeamWithStaffAsync();
        for (var i = 0; i < 3; i++)
        {
            await factory.Data.AddCandidateAsync(staff.Team, staff.NavVeileder);
        }

        var target = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>().OrderBy(e => e.Sequence).Skip(4).Select(e => e.Sequence).FirstAsync());
        var last = await factory.Data.WithDbAsync(db => db.Set<AuditEntry>().MaxAsync(e => e.Sequence));
        Assert.True(target < last);

        // Someone with database access rewrites history: who did it.
        await factory.Data.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET UserId = 'someone-else' WHERE Sequence = {target}"));

        var result = await factory.Data.WithDbAsync(db => AuditChain.VerifyAsync(db));
        Assert.False(result.IsIntact);
        Assert.Equal(target, result.FirstBrokenSequence);
    }
}
