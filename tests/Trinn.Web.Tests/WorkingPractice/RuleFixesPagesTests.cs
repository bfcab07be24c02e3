using System.Text.RegularExpressions;
using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;
using Trinn.Core.TimeLog;
using Trinn.Web.Tests.Workplace;
using static Trinn.Web.Tests.WorkingPractice.PracticeBuilders;

namespace Trinn.Web.Tests.WorkingPractice;

/// <summary>
/// The rules issue 15 found contradicting the report, through the pages a job specialist uses, on each database
/// provider. Today is Friday 27 November 2026.
/// </summary>
public abstract partial class RuleFixesPagesTests(AppFixture fx)
{
    [Fact]
    public async Task MeetingInTheWeekBeforeStart_NotAtTheWorkplace_CompletesTheBeforeStartFollowUp()
    {
        // Item 17: "A meeting with the candidate in the week before the start is not at the workplace, and today only a
        // workplace visit can complete it."
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 11, 30));
        Assert.Equal(HttpStatusCode.Redirect, (await NoteAsync(client, candidate.Id, new DateOnly(2026, 11, 25), JournalKind.Meeting, "Kafé før oppstart")).StatusCode);
        var done = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.CandidateId == candidate.Id && f.DoneOn != null));
        Assert.Equal(FollowUpKind.BeforeStart, done.Kind);
        Assert.NotNull(done.DoneByJournalNoteId);
    }

    [Fact]
    public async Task JobEnds_OpenFollowUpsClosedAsJobbenAvsluttet_AndGoneFromWarningsAndCalendarFeed()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var (placementId, _) = await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 11, 2));
        var overdue = $"<li data-warning=\"FollowUpOverdue\"><a class=\"aksel-link\" href=\"/FollowUps/Index/{candidate.Id}\">{candidate.FirstName} {candidate.LastName}</a>: ";
        Assert.Contains(overdue, await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        var feedUrl = FeedUrl().Match(await (await AppFixture.PostFormAsync(client, "/FollowUps/Calendar", [], "/FollowUps/Calendar?handler=Create")).HtmlAsync()).Groups[1].Value;
        var feedPath = new Uri(feedUrl).PathAndQuery;
        Assert.Contains($"/FollowUps/Index/{candidate.Id}", Unfold(await fx.Anonymous().GetStringAsync(feedPath)), StringComparison.Ordinal);

        var ended = await AppFixture.PostFormAsync(client, $"/Placements/End/{placementId}", new()
        {
            ["Input.EndDate"] = "2026-11-20",
            ["Input.Ending"] = S((int)PlacementEnding.Dismissed),
            ["Input.MoveBackToStage3"] = "true",
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        var slots = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().Where(f => f.CandidateId == candidate.Id).ToListAsync());
        Assert.All(slots, s => Assert.Equal((new DateOnly(2026, 11, 20), FollowUpClosedReason.JobEnded), (s.ClosedOn!.Value, s.ClosedReason!.Value)));
        Assert.DoesNotContain(overdue, await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"/FollowUps/Index/{candidate.Id}", Unfold(await fx.Anonymous().GetStringAsync(feedPath)), StringComparison.Ordinal);
        Assert.Contains("jobben avsluttet", await (await client.GetAsync($"/FollowUps/Index/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkplaceVisitAtANewJob_CompletesThatJobsFollowUp_NotTheOldJobs()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        var (oldJob, _) = await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 10, 5));
        var (newJob, newEmployer) = await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 11, 23));
        var contact = await AppFixture.PostFormAsync(client, $"/Employers/Contact/{newEmployer}", new()
        {
            ["Input.Date"] = "2026-11-25",
            ["Input.Kind"] = S((int)Trinn.Core.Employers.EmployerContactKind.WorkplaceFollowUp),
            ["Input.Purpose"] = "5",
            ["Input.CandidateIds"] = S(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        var done = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().Where(f => f.CandidateId == candidate.Id && f.DoneOn != null).ToListAsync());
        var slot = Assert.Single(done);
        Assert.Equal((newJob, FollowUpKind.AfterStart), (slot.PlacementId!.Value, slot.Kind));
        Assert.NotEqual(oldJob, slot.PlacementId);
    }

    [Fact]
    public async Task JournalNote_CorrectedByTheAuthor_HistoryVisible_FollowUpAndCarriedTimeFollowTheNewKindAndDate()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 11, 30));
        await NoteAsync(client, candidate.Id, new DateOnly(2026, 11, 25), JournalKind.Meeting, "Møte på kafé");
        var note = await fx.WithDbAsync(db => db.JournalNotes.AsNoTracking().SingleAsync(n => n.CandidateId == candidate.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, "/TimeLog", [], $"/TimeLog?handler=Carry&source=note&id={note.Id}")).StatusCode);

        var url = $"/Candidates/NoteEdit/{note.Id}";
        var corrected = await AppFixture.PostFormAsync(client, url, Correction("2026-11-24", JournalKind.Phone, 30, "Ringte i stedet", version: 0), url + "?handler=Correct");
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal(0, await DoneAsync(candidate.Id));
        var block = await fx.WithDbAsync(db => db.Set<TimeBlock>().AsNoTracking().SingleAsync(b => b.JournalNoteId == note.Id));
        Assert.Equal((new DateOnly(2026, 11, 24), 30), (block.Date, block.Minutes));
        var history = await (await client.GetAsync(url)).HtmlAsync();
        Assert.Contains("Møte på kafé", history, StringComparison.Ordinal);
        Assert.Contains("Ringte i stedet", history, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"note-history\"", history, StringComparison.Ordinal);
        Assert.Contains("rettet", await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);

        var back = await AppFixture.PostFormAsync(client, url, Correction("2026-11-26", JournalKind.Meeting, 30, "Møte likevel", version: 1), url + "?handler=Correct");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var slot = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.CandidateId == candidate.Id && f.DoneOn != null));
        Assert.Equal((FollowUpKind.BeforeStart, note.Id), (slot.Kind, slot.DoneByJournalNoteId!.Value));
        Assert.Equal(2, await fx.WithDbAsync(db => db.Set<JournalNoteRevision>().CountAsync(r => r.JournalNoteId == note.Id)));
    }

    [Fact]
    public async Task JournalNote_MarkedEnteredInError_StruckThroughNotDeleted_FollowUpReopened_CarriedTimeRemoved()
    {
        var candidate = await fx.CandidateAsync();
        var client = await fx.LoginAsync("js1");
        await fx.PaidJobAsync(client, candidate.Id, new DateOnly(2026, 11, 30));
        await NoteAsync(client, candidate.Id, new DateOnly(2026, 11, 25), JournalKind.Meeting, "Feil kandidat");
        var note = await fx.WithDbAsync(db => db.JournalNotes.AsNoTracking().SingleAsync(n => n.CandidateId == candidate.Id));
        await AppFixture.PostFormAsync(client, "/TimeLog", [], $"/TimeLog?handler=Carry&source=note&id={note.Id}");
        Assert.Equal(1, await DoneAsync(candidate.Id));

        var url = $"/Candidates/NoteEdit/{note.Id}";
        var noReason = await AppFixture.PostFormAsync(client, url, new() { ["Error.Reason"] = " ", ["Version"] = "0" }, url + "?handler=Error");
        Assert.NotNull(FieldError(await noReason.HtmlAsync(), "Error_Reason"));
        var marked = await AppFixture.PostFormAsync(client, url, new() { ["Error.Reason"] = "Skrevet på feil kandidat", ["Version"] = "0" }, url + "?handler=Error");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var stored = await fx.WithDbAsync(db => db.JournalNotes.AsNoTracking().SingleAsync(n => n.Id == note.Id));
        Assert.Equal(("Feil kandidat", "Skrevet på feil kandidat"), (stored.Text, stored.EnteredInErrorReason));
        Assert.Equal(0, await DoneAsync(candidate.Id));
        Assert.False(await fx.WithDbAsync(db => db.Set<TimeBlock>().AnyAsync(b => b.JournalNoteId == note.Id)));
        var details = await (await client.GetAsync($"/Candidates/Details/{candidate.Id}")).HtmlAsync();
        Assert.Contains("<del>Feil kandidat</del>", details, StringComparison.Ordinal);
        Assert.Contains("Feilført: Skrevet på feil kandidat", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JournalNote_SomeoneElseInTheTeam_SeesHistoryButCannotCorrect()
    {
        var candidate = await fx.CandidateAsync();
        var js1 = await fx.LoginAsync("js1");
        await NoteAsync(js1, candidate.Id, new DateOnly(2026, 11, 25), JournalKind.Meeting, "Original");
        var note = await fx.WithDbAsync(db => db.JournalNotes.AsNoTracking().SingleAsync(n => n.CandidateId == candidate.Id));
        var js2 = await fx.LoginAsync("js2");
        var url = $"/Candidates/NoteEdit/{note.Id}";
        var page = await (await js2.GetAsync(url)).HtmlAsync();
        Assert.Contains("Bare den som skrev notatet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Correct", page, StringComparison.Ordinal);
        var refused = await AppFixture.PostWithTokenFromAsync(js2, url, url + "?handler=Correct", Correction("2026-11-25", JournalKind.Meeting, 45, "Endret av kollega", version: 0));
        // The form is not shown to a colleague; a post anyway is refused by the note's own rule, named in the error summary.
        Assert.Contains("<a class=\"aksel-link\" href=\"#Input_Text\">Bare den som skrev notatet", await refused.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal("Original", await fx.WithDbAsync(db => db.JournalNotes.Where(n => n.Id == note.Id).Select(n => n.Text).SingleAsync()));
    }

    [Fact]
    public async Task HealthAndNavContacts_WithoutConsent_RefusedAtTheKind_WithConsent_Saved()
    {
        var withoutHealth = await fx.CandidateAsync(nav: false, health: false);
        var client = await fx.LoginAsync("js1");
        var health = await NoteAsync(client, withoutHealth.Id, new DateOnly(2026, 11, 26), JournalKind.HealthServices, "Fastlegen");
        Assert.Contains("ikke samtykket til kontakt med helsetjenesten", FieldError(await health.HtmlAsync(), "Input_Kind"), StringComparison.Ordinal);
        var threeWay = await NoteAsync(client, withoutHealth.Id, new DateOnly(2026, 11, 26), JournalKind.ThreeWayMeeting, "Trepartsmøte");
        Assert.Contains("NAV-veilederen", FieldError(await threeWay.HtmlAsync(), "Input_Kind"), StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.JournalNotes.AnyAsync(n => n.CandidateId == withoutHealth.Id)));

        var consenting = await fx.CandidateAsync(health: true);
        Assert.Equal(HttpStatusCode.Redirect, (await NoteAsync(client, consenting.Id, new DateOnly(2026, 11, 26), JournalKind.HealthServices, "Fastlegen")).StatusCode);
        var summary = await (await client.GetAsync($"/Candidates/Details/{consenting.Id}")).HtmlAsync();
        Assert.Contains("Kontakt med helsetjenesten", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WageSubsidyOnArbeidstrening_RefusedAtTheKind_MentorNeedsMandate_ShownWithTrainingAndJointPeriod()
    {
        var candidate = await fx.CandidateAsync();
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var training = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Arbeidstrening, new DateOnly(2026, 11, 2)));
        var client = await fx.LoginAsync("js1");
        var url = $"/Placements/Measure/{training.Id}";
        var allowed = AllowedHere().Match(await (await client.GetAsync(url)).HtmlAsync()).Groups[1].Value;
        Assert.Contains("Mentortilskudd", allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("Lønnstilskudd", allowed, StringComparison.Ordinal);
        var wage = await AppFixture.PostFormAsync(client, url, new()
        {
            ["Input.Kind"] = S((int)SupportMeasureKind.Lonnstilskudd),
            ["Input.Percent"] = "40",
            ["Input.FromDate"] = "2026-11-02",
            ["Input.NextReviewDate"] = "2027-02-01",
        });
        Assert.Contains("bare ved betalt arbeid", FieldError(await wage.HtmlAsync(), "Input_Kind"), StringComparison.Ordinal);

        var mentor = new Dictionary<string, string>
        {
            ["Input.Kind"] = S((int)SupportMeasureKind.Mentortilskudd),
            ["Input.MentorName"] = "Kollega Kari",
            ["Input.HoursPerMonth"] = "8",
            ["Input.FromDate"] = "2026-11-02",
            ["Input.ToDate"] = "2027-05-01",
        };
        var noMandate = await AppFixture.PostFormAsync(client, url, mentor);
        Assert.NotNull(FieldError(await noMandate.HtmlAsync(), "Input_MentorMandate"));
        Assert.False(await fx.WithDbAsync(db => db.Set<SupportMeasure>().AnyAsync(m => m.PlacementId == training.Id)));

        mentor["Input.MentorMandate"] = "Viser oppgavene og er fast kontakt";
        mentor["Input.MentorTraining"] = "Kurs i veiledning";
        mentor["Input.JointFrom"] = "2026-11-02";
        mentor["Input.JointTo"] = "2026-12-01";
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.PostFormAsync(client, url, mentor)).StatusCode);
        var shown = await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains("Mandat: Viser oppgavene og er fast kontakt", shown, StringComparison.Ordinal);
        Assert.Contains("Sammen med jobbspesialisten 02.11.2026–01.12.2026", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureCheck_ReportsExistingInvalidRows_ChangesNothing_OwnTeamOnly()
    {
        // "Existing invalid rows are reported by a check, not silently changed."
        var candidate = await fx.CandidateAsync();
        var other = await fx.CandidateAsync(team: fx.TeamB);
        var ids = new List<int>();
        foreach (var c in new[] { candidate, other })
        {
            ids.Add(await fx.WithDbAsync(async db =>
            {
                var employer = await db.AddEmployerAsync(c.TeamId);
                var placement = await db.AddPlacementAsync(c.Id, employer.Id, PlacementKind.Arbeidstrening, new DateOnly(2026, 10, 1));
                var subsidy = SupportMeasure.Lonnstilskudd(50, new DateOnly(2026, 10, 1), null, new DateOnly(2027, 1, 1), AppFixture.Now.UtcDateTime);
                placement.Measures.Add(subsidy); // stored as before the rule, bypassing AddMeasure
                await db.SaveChangesAsync();
                return subsidy.Id;
            }));
        }

        var client = await fx.LoginAsync("js1");
        var html = await (await client.GetAsync("/Placements/Check")).HtmlAsync();
        Assert.Contains($"data-measure-id=\"{ids[0]}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-measure-id=\"{ids[1]}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-warning=\"measure-not-allowed\"", await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await fx.WithDbAsync(db => db.Set<SupportMeasure>().CountAsync(m => ids.Contains(m.Id) && m.Kind == SupportMeasureKind.Lonnstilskudd)));
    }

    private static Dictionary<string, string> Correction(string date, JournalKind kind, int minutes, string text, long version) => new()
    {
        ["Input.Date"] = date,
        ["Input.Kind"] = S((int)kind),
        ["Input.Place"] = S((int)WorkPlace.OutOfOffice),
        ["Input.DurationMinutes"] = S(minutes),
        ["Input.Text"] = text,
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private Task<int> DoneAsync(int candidateId) => fx.WithDbAsync(db => db.Set<FollowUp>().CountAsync(f => f.CandidateId == candidateId && f.DoneOn != null));

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [GeneratedRegex("<code data-feed-url>([^<]+)</code>")]
    private static partial Regex FeedUrl();

    [GeneratedRegex("data-testid=\"measures-allowed\">([^<]+)</p>")]
    private static partial Regex AllowedHere();
}

public sealed class RuleFixesPagesSqliteTests(SqliteAppFixture fx) : RuleFixesPagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class RuleFixesPagesPostgresTests(PostgresAppFixture fx) : RuleFixesPagesTests(fx), IClassFixture<PostgresAppFixture>;
