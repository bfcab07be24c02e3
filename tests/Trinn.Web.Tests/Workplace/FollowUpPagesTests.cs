using System.Globalization;
using System.Text.RegularExpressions;
using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Placements;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Follow-up plan, completion by visits, overdue warnings and the calendar feed, on each database provider.</summary>
public abstract partial class FollowUpPagesTests(AppFixture fx)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task PaidPlacement_PlansTheFidelityItem17Schedule()
    {
        var (candidate, _) = await PaidJobAsync(new DateOnly(2026, 11, 30));
        var plan = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().Where(f => f.CandidateId == candidate.Id).OrderBy(f => f.PlannedDate).ToListAsync());
        Assert.Equal(FollowUpPlanner.Plan(new DateOnly(2026, 11, 30)).Select(p => (p.Date, p.Kind)), plan.Select(f => (f.PlannedDate, f.Kind)));
        Assert.All(plan, f => Assert.NotNull(f.PlacementId));
    }

    [Fact]
    public async Task UnpaidPlacement_NoFollowUpPlan()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var client = await fx.LoginAsync("js1");
        await AppFixture.PostFormAsync(client, $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = "1",
            ["Input.Market"] = "1",
            ["Input.StartDate"] = "2026-11-30",
            ["Input.EndDate"] = "2026-12-01",
        });
        Assert.False(await fx.WithDbAsync(db => db.Set<FollowUp>().AnyAsync(f => f.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task WorkplaceVisitNote_MarksTheSlotOfItsOwnWindow_PhoneCallsDoNot()
    {
        // Started 2 November: before-start (30 Oct) and after-start (4 Nov) are overdue on 27 November. This test used to
        // expect the visit to complete the oldest open slot (before start); fidelity item 17 is met slot by slot, each in
        // its own window, so the visit on 26 November completes the weekly slot of 23 November (window 20–26 November).
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 2));
        var phone = await AppFixture.PostFormAsync(client, $"/Candidates/Journal/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-26",
            ["Input.Kind"] = S((int)JournalKind.Phone),
            ["Input.Place"] = "1",
            ["Input.Text"] = "Ringte",
        });
        Assert.Equal(HttpStatusCode.Redirect, phone.StatusCode);
        Assert.Equal(0, await DoneCountAsync(candidate.Id));

        var visit = await AppFixture.PostFormAsync(client, $"/Candidates/Journal/{candidate.Id}", new()
        {
            ["Input.Date"] = "2026-11-26",
            ["Input.Kind"] = S((int)JournalKind.WorkplaceVisit),
            ["Input.Place"] = "2",
            ["Input.Text"] = "Besøk",
        });
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        var done = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.CandidateId == candidate.Id && f.DoneOn != null));
        Assert.Equal((FollowUpKind.Weekly, new DateOnly(2026, 11, 23)), (done.Kind, done.PlannedDate));
        Assert.Equal(new DateOnly(2026, 11, 26), done.DoneOn);
        Assert.Equal(FollowUpDoneBy.JournalNote, done.DoneBy);
        Assert.True(await fx.WithDbAsync(db => db.Set<FollowUp>().AnyAsync(f => f.CandidateId == candidate.Id && f.Kind == FollowUpKind.BeforeStart && f.DoneOn == null)));
    }

    [Fact]
    public async Task EmployerContactWorkplaceFollowUp_MarksLinkedCandidatesFollowUpDone()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 2));
        var employerId = await fx.WithDbAsync(db => db.Set<Placement>().Where(p => p.CandidateId == candidate.Id).Select(p => p.EmployerId).SingleAsync());
        var response = await AppFixture.PostFormAsync(client, $"/Employers/Contact/{employerId}", new()
        {
            ["Input.Date"] = "2026-11-25",
            ["Input.Kind"] = "4",
            ["Input.Purpose"] = "5",
            ["Input.CandidateIds"] = S(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var done = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.CandidateId == candidate.Id && f.DoneOn != null));
        Assert.Equal(FollowUpDoneBy.EmployerContact, done.DoneBy);
    }

    [Fact]
    public async Task OverdueFollowUps_ShownOnPortfolio_AsOneLinePerCandidate()
    {
        // Started 2 November: the before-start slot (30 October), the after-start slot and the weekly ones are overdue on
        // 27 November. They are one warning with the count and the oldest date, not a line each.
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 2));
        var overdue = await OverdueCountAsync(candidate.Id);
        Assert.True(overdue > 1, $"{overdue} overdue");
        var html = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        Assert.Contains(
            $"href=\"/FollowUps/Index/{candidate.Id}\">{candidate.FirstName} {candidate.LastName}</a>: {overdue} planlagte oppfølginger er ikke gjort, den eldste 30.10.2026",
            html, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(html, OverdueLine(candidate.Id)));
    }

    [Fact]
    public async Task OneOverdueFollowUp_ShownWithItsDate()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 25));
        var open = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.CandidateId == candidate.Id && f.DoneOn == null && (f.WindowEnd ?? f.PlannedDate) < AppFixture.Today).Select(f => f.PlannedDate).ToListAsync());
        var date = Assert.Single(open);
        var html = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        Assert.Contains(
            $"href=\"/FollowUps/Index/{candidate.Id}\">{candidate.FirstName} {candidate.LastName}</a>: planlagt oppfølging {date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} er ikke gjort",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlotPastItsPlannedDate_WindowStillOpen_PlannedNotOverdue()
    {
        // Started Tuesday 24 November: on 27 November the before-start slot (20 November, window 17–23 November) is
        // overdue, the after-start slot planned for 26 November is not: its window (24–27 November) is still open.
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 24));
        var after = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.CandidateId == candidate.Id && f.Kind == FollowUpKind.AfterStart));
        Assert.Equal((new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27)), (after.PlannedDate, after.LastDay));

        var page = await (await client.GetAsync($"/FollowUps/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains($"<tr data-followup=\"{after.Id}\" data-state=\"planned\">", page, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(page, "data-state=\"overdue\""));
        var html = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        Assert.Contains(
            $"href=\"/FollowUps/Index/{candidate.Id}\">{candidate.FirstName} {candidate.LastName}</a>: planlagt oppfølging 20.11.2026 er ikke gjort",
            html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, "planned")]
    [InlineData(4, "overdue")]
    public async Task FollowUpAddedByHand_OverdueOnlyAfterTheDaysItsRowSaysItCovers(int daysAgo, string state)
    {
        // Added by hand it has no window of its own; its row says "Gjelder møter" the planned date ± 3 days, and a meeting
        // then completes it, so the page and the portfolio warn only once those days have passed.
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 2));
        var planned = AppFixture.Today.AddDays(-daysAgo);
        var added = await fx.WithDbAsync(async db =>
        {
            var job = await db.Set<Placement>().SingleAsync(p => p.CandidateId == candidate.Id);
            await db.Set<FollowUp>().Where(f => f.CandidateId == candidate.Id).ExecuteDeleteAsync();
            var f = FollowUp.ByHand(candidate.Id, planned, "Lønnssamtale", job, null, planned);
            db.Add(f);
            await db.SaveChangesAsync();
            return f;
        });

        var page = await (await client.GetAsync($"/FollowUps/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains($"<tr data-followup=\"{added.Id}\" data-state=\"{state}\">", page, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Gjelder møter {planned.AddDays(-3):dd.MM.yyyy}–{planned.AddDays(3):dd.MM.yyyy}"), page, StringComparison.Ordinal);
        var portfolio = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        Assert.Equal(state == "overdue", portfolio.Contains(OverdueLine(candidate.Id), StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverdueFollowUps_OnTheOwnersPortfolioOnly_AndOnTheTeamView()
    {
        // js2's candidate: on js2's Min portefølje and on the team view of js1 (same team), not on js1's Min portefølje.
        var (candidate, owner) = await PaidJobAsync(new DateOnly(2026, 11, 2), "js2");
        var warning = $"href=\"/FollowUps/Index/{candidate.Id}\">{candidate.FirstName} {candidate.LastName}</a>: {await OverdueCountAsync(candidate.Id)} planlagte oppfølginger er ikke gjort, den eldste 30.10.2026";
        Assert.Contains(warning, await (await owner.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        var teammate = await fx.LoginAsync("js1");
        Assert.DoesNotContain(warning, await (await teammate.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        var team = await (await teammate.GetAsync("/Candidates")).HtmlAsync();
        Assert.Contains(warning, team, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(team, OverdueLine(candidate.Id)));
    }

    [Fact]
    public async Task ManyWarnings_TheFirstTenInView_TheRestFoldedAwayButListed()
    {
        for (var i = 0; i < 11; i++)
        {
            await PaidJobAsync(new DateOnly(2026, 11, 2));
        }

        var html = await (await (await fx.LoginAsync("js1")).GetAsync("/Candidates")).HtmlAsync();
        var section = html[html.IndexOf("aria-labelledby=\"workplace-warnings\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var folded = section.IndexOf("<details class=\"trinn-details\" data-more-warnings>", StringComparison.Ordinal);
        Assert.True(folded > 0, "no folded part");
        var total = Occurrences(section, "<li data-warning=");
        Assert.True(total > 10, $"{total} warnings");
        Assert.Equal(10, Occurrences(section[..folded], "<li data-warning="));
        Assert.Contains($"Oppfølging på arbeidsplassen: {total} varsler", section, StringComparison.Ordinal);
        Assert.Contains($"<summary>Vis alle {total} varsler</summary>", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_StaleVersionRefused_ThenMovesAndAddsExtra()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 30));
        var first = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().Where(f => f.CandidateId == candidate.Id).OrderBy(f => f.PlannedDate).FirstAsync());
        var url = $"/FollowUps/Index/{candidate.Id}";
        var stale = await AppFixture.PostFormAsync(client, url, new() { ["Move.Id"] = S(first.Id), ["Move.Date"] = "2026-11-28", ["Move.Version"] = "5" }, url + "?handler=Move");
        var staleHtml = await stale.HtmlAsync();
        Assert.True(staleHtml.Contains("Noen andre lagret endringer samtidig", StringComparison.Ordinal), staleHtml[staleHtml.IndexOf("<main", StringComparison.Ordinal)..][..1500]);
        Assert.Equal(first.PlannedDate, await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == first.Id).Select(f => f.PlannedDate).SingleAsync()));

        var moved = await AppFixture.PostFormAsync(client, url, new() { ["Move.Id"] = S(first.Id), ["Move.Date"] = "2026-11-28", ["Move.Version"] = "0" }, url + "?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 28), await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == first.Id).Select(f => f.PlannedDate).SingleAsync()));

        var missing = await AppFixture.PostFormAsync(client, url, new() { ["Add.Date"] = "" }, url + "?handler=Add");
        Assert.Contains("Fyll ut Planlagt dato.", await missing.HtmlAsync(), StringComparison.Ordinal);
        var added = await AppFixture.PostFormAsync(client, url, new() { ["Add.Date"] = "2026-12-10", ["Add.Note"] = "Lønnssamtale" }, url + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await fx.WithDbAsync(db => db.Set<FollowUp>().AnyAsync(f => f.CandidateId == candidate.Id && f.Kind == FollowUpKind.Extra && f.Note == "Lønnssamtale")));
    }

    [Fact]
    public async Task Add_NoDate_TheErrorShownOnce()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 30));
        var url = $"/FollowUps/Index/{candidate.Id}";
        var html = await (await client.SubmitAsync(url, [new("Add.Date", ""), new("Add.Note", "")], url + "?handler=Add")).HtmlAsync();
        Assert.Equal(1, Occurrences(html, "href=\"#Add_Date\">Fyll ut Planlagt dato.</a>"));
    }

    [Fact]
    public async Task Move_NoDate_TheErrorShownOnce()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 30));
        var url = $"/FollowUps/Index/{candidate.Id}";
        var html = await (await client.SubmitAsync(url, [new("Move.Date", "")], url + "?handler=Move")).HtmlAsync();
        Assert.Equal(1, Occurrences(html, "Fyll ut Planlagt dato.</a>"));
    }

    [Fact]
    public async Task Add_BeforeTheJobStarted_OrInThePast_RefusedAtTheField_NothingSaved()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 2));
        var url = $"/FollowUps/Index/{candidate.Id}";
        var before = await (await client.SubmitAsync(url, [new("Add.Date", "2020-01-01"), new("Add.Note", "")], url + "?handler=Add")).HtmlAsync();
        Assert.Contains("href=\"#Add_Date\">Planlagt dato kan ikke være før jobben starter", WebUtility.HtmlDecode(before), StringComparison.Ordinal);
        var past = await (await client.SubmitAsync(url, [new("Add.Date", "2026-11-20"), new("Add.Note", "")], url + "?handler=Add")).HtmlAsync();
        Assert.Contains("href=\"#Add_Date\">Planlagt dato kan ikke være tilbake i tid.", WebUtility.HtmlDecode(past), StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<FollowUp>().AnyAsync(f => f.CandidateId == candidate.Id && f.Kind == FollowUpKind.Extra)));
    }

    [Fact]
    public async Task Move_IntoThePast_RefusedAtTheField_NotMoved()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 30));
        var url = $"/FollowUps/Index/{candidate.Id}";
        var form = await client.GetFormAsync(url, url + "?handler=Move");
        var id = int.Parse(form.Hidden["Move.Id"], CultureInfo.InvariantCulture);
        var html = await (await client.PostFormAsync(form, [new("Move.Date", "2026-11-26")])).HtmlAsync();
        Assert.Contains("Planlagt dato kan ikke være tilbake i tid. Velg i dag eller en senere dato.</a>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.NotEqual(new DateOnly(2026, 11, 26), await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == id).Select(f => f.PlannedDate).SingleAsync()));
    }

    [Fact]
    public async Task JobEnds_FollowUpAddedByHand_ClosedWithTheJob_NoLongerWarns()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 2));
        var url = $"/FollowUps/Index/{candidate.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, [new("Add.Date", "2026-11-27"), new("Add.Note", "Lønnssamtale")], url + "?handler=Add")).StatusCode);
        var added = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.CandidateId == candidate.Id && f.Kind == FollowUpKind.Extra));
        Assert.NotNull(added.PlacementId);

        var ended = await client.SubmitAsync($"/Placements/End/{added.PlacementId}", [
            new("Input.EndDate", "2026-11-27"), new("Input.Ending", S((int)PlacementEnding.Dismissed)), new("Input.MoveBackToStage3", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(FollowUpClosedReason.JobEnded, await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == added.Id).Select(f => f.ClosedReason).SingleAsync()));
        Assert.DoesNotContain(OverdueLine(candidate.Id), await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_TokenOnly_NoNamesOrIds_CachedAndRevocable()
    {
        var (candidate, client) = await PaidJobAsync(new DateOnly(2026, 11, 30), "js2");
        var created = await AppFixture.PostFormAsync(client, "/FollowUps/Calendar", [], "/FollowUps/Calendar?handler=Create");
        var url = FeedUrl().Match(await created.HtmlAsync()).Groups[1].Value;
        Assert.StartsWith("http://localhost/FollowUps/Feed/", url, StringComparison.Ordinal);
        var secret = url[(url.LastIndexOf('/') + 1)..];
        Assert.False(await fx.WithDbAsync(db => db.Set<CalendarFeedToken>().AnyAsync(t => t.TokenHash == secret)));

        var anonymous = fx.Anonymous();
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age=900", feed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Oppfølging (T.K.)\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261127\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"/FollowUps/Index/{candidate.Id}", ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.LastName, ics, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.NationalId, ics, StringComparison.Ordinal);

        var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        again.Headers.IfNoneMatch.Add(feed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/FollowUps/Feed/" + new string('0', 64))).StatusCode);
        var revoked = await AppFixture.PostFormAsync(client, "/FollowUps/Calendar", [], "/FollowUps/Calendar?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
    }

    private async Task<int> OverdueCountAsync(int candidateId) =>
        await fx.WithDbAsync(db => db.Set<FollowUp>().CountAsync(
            f => f.CandidateId == candidateId && f.DoneOn == null && f.ClosedOn == null && (f.WindowEnd ?? f.PlannedDate) < AppFixture.Today));

    private static string OverdueLine(int candidateId) =>
        $"<li data-warning=\"FollowUpOverdue\"><a class=\"aksel-link\" href=\"/FollowUps/Index/{candidateId}\">";

    private static int Occurrences(string html, string text) => Regex.Count(html, Regex.Escape(text));

    private async Task<int> DoneCountAsync(int candidateId) =>
        await fx.WithDbAsync(db => db.Set<FollowUp>().CountAsync(f => f.CandidateId == candidateId && f.DoneOn != null));

    /// <summary>A candidate in stage 3 given a paid job through the page, so the plan is made the real way.</summary>
    private async Task<(Candidate Candidate, HttpClient Client)> PaidJobAsync(DateOnly start, string user = "js1")
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds[user], stage: 3, referredOn: new DateOnly(2026, 6, 1)));
        await fx.WithDbAsync(db => db.AddAgreementAsync(candidate.Id, employerContact: true));
        var client = await fx.LoginAsync(user);
        var response = await AppFixture.PostFormAsync(client, $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = S((int)PlacementKind.Permanent),
            ["Input.Market"] = "1",
            ["Input.PositionPercent"] = "80",
            ["Input.StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (candidate, client);
    }

    [GeneratedRegex("<code data-feed-url>([^<]+)</code>")]
    private static partial Regex FeedUrl();
}

public sealed class FollowUpPagesSqliteTests(SqliteAppFixture fx) : FollowUpPagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class FollowUpPagesPostgresTests(PostgresAppFixture fx) : FollowUpPagesTests(fx), IClassFixture<PostgresAppFixture>;
