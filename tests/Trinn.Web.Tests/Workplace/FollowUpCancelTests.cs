using System.Globalization;
using System.Text.RegularExpressions;
using Trinn.Core.Candidates;
using Trinn.Core.FollowUps;
using Trinn.Core.Indicators;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Cancelling a follow-up added by hand from the candidate's follow-up list, on each database provider.</summary>
public abstract partial class FollowUpCancelTests(AppFixture fx)
{
    /// <summary>Planned by hand for a day now past, so it is overdue on 27 November 2026.</summary>
    private static readonly DateOnly Planned = new(2026, 11, 20);

    [Fact]
    public async Task Cancel_FollowUpAddedByHand_ShownAsCancelled_GoneFromWarningsFeedAndIndicators_RowKept()
    {
        var (candidate, added) = await CandidateWithFollowUpByHandAsync();
        var client = await fx.LoginAsync("js1");
        var url = $"/FollowUps/Index/{candidate.Id}";
        var feed = new Uri(FeedUrl().Match(await (await AppFixture.PostFormAsync(client, "/FollowUps/Calendar", [], "/FollowUps/Calendar?handler=Create")).HtmlAsync()).Groups[1].Value).PathAndQuery;
        Assert.Contains(OverdueLine(candidate.Id), await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains($"followup-{added.Id}@trinn", await fx.Anonymous().GetStringAsync(feed), StringComparison.Ordinal);

        var page = await (await client.GetAsync(url)).HtmlAsync();
        var row = Row(page, added.Id);
        Assert.Contains("data-state=\"overdue\"", row, StringComparison.Ordinal);
        Assert.Contains("Avlys<span class=\"sr-only\"> oppfølging 20.11.2026</span></button>", row, StringComparison.Ordinal);
        var form = Forms.Find(row, url, url + "?handler=Cancel");
        Assert.Equal(added.Id.ToString(CultureInfo.InvariantCulture), form.Hidden["Cancel.Id"]);
        var response = await client.PostFormAsync(form, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        page = await (await client.GetAsync(url)).HtmlAsync();
        Assert.Contains("role=\"status\"><p class=\"aksel-body-long\">Oppfølgingen 20.11.2026 er avlyst.", page, StringComparison.Ordinal);
        row = Row(page, added.Id);
        Assert.Contains("data-state=\"cancelled\"", row, StringComparison.Ordinal);
        Assert.Contains("<span data-closed>Avlyst 27.11.2026</span>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Cancel", row, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Move", row, StringComparison.Ordinal);
        Assert.DoesNotContain(OverdueLine(candidate.Id), await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"followup-{added.Id}@trinn", await fx.Anonymous().GetStringAsync(feed), StringComparison.Ordinal);

        var stored = await fx.WithDbAsync(db => db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == added.Id));
        Assert.Equal((AppFixture.Today, FollowUpClosedReason.Cancelled, Planned, "Lønnssamtale"), (stored.ClosedOn, stored.ClosedReason, stored.PlannedDate, stored.Note));
        Assert.Null(stored.DoneOn);
        var data = await fx.WithDbAsync(db => IndicatorDataLoader.LoadAsync(db, fx.TeamA, new DatePeriod(new DateOnly(2026, 11, 1), AppFixture.Today), AppFixture.Today));
        Assert.DoesNotContain(data.FollowUps, f => f.Id == added.Id);
    }

    [Fact]
    public async Task Cancel_PlannedSlotPostedInstead_RefusedWithMessageInTheRow_NothingChanged()
    {
        var (candidate, added) = await CandidateWithFollowUpByHandAsync();
        var slot = FollowUp.Planned(candidate.Id, FollowUpKind.Weekly, AppFixture.Today.AddDays(7));
        await fx.WithDbAsync(db =>
        {
            db.Add(slot);
            return db.SaveChangesAsync();
        });
        var client = await fx.LoginAsync("js1");
        var url = $"/FollowUps/Index/{candidate.Id}";
        var page = await (await client.GetAsync(url)).HtmlAsync();
        Assert.DoesNotContain("handler=Cancel", Row(page, slot.Id), StringComparison.Ordinal);

        var form = Forms.Find(Row(page, added.Id), url, url + "?handler=Cancel");
        var html = await (await client.PostFormAsync(form, new Dictionary<string, string> { ["Cancel.Id"] = slot.Id.ToString(CultureInfo.InvariantCulture) })).HtmlAsync();

        Assert.Contains("href=\"#Cancel_Id\">Bare oppfølginger som er lagt til for hånd, kan avlyses.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Cancel_Id\">Bare oppfølginger som er lagt til for hånd, kan avlyses.", Row(html, slot.Id), StringComparison.Ordinal);
        await fx.WithDbAsync(async db =>
        {
            Assert.True((await db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == slot.Id)).IsOpen);
            Assert.True((await db.Set<FollowUp>().AsNoTracking().SingleAsync(f => f.Id == added.Id)).IsOpen);
        });
    }

    [Fact]
    public async Task Cancel_AlreadyCancelledInAnotherTab_RefusedAsAConflict_KeepsTheFirstCancel()
    {
        var (candidate, added) = await CandidateWithFollowUpByHandAsync();
        var client = await fx.LoginAsync("js1");
        var url = $"/FollowUps/Index/{candidate.Id}";
        var form = Forms.Find(Row(await (await client.GetAsync(url)).HtmlAsync(), added.Id), url, url + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(form, [])).StatusCode);
        var version = await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == added.Id).Select(f => f.Version).SingleAsync());

        var again = await (await client.PostFormAsync(form, [])).HtmlAsync();
        Assert.Contains("Noen andre lagret endringer samtidig", again, StringComparison.Ordinal);
        var current = await (await client.PostFormAsync(form, new Dictionary<string, string> { ["Cancel.Version"] = version.ToString(CultureInfo.InvariantCulture) })).HtmlAsync();
        Assert.Contains("Oppfølgingen er allerede avsluttet eller avlyst og kan ikke avlyses.", current, StringComparison.Ordinal);
        Assert.Equal(version, await fx.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.Id == added.Id).Select(f => f.Version).SingleAsync()));
    }

    [Fact]
    public async Task FollowUpList_DoneAndCancelledRows_ActionsCellWithoutCaption_OpenRowKeepsIt()
    {
        var (candidate, cancelled) = await CandidateWithFollowUpByHandAsync();
        var open = FollowUp.Planned(candidate.Id, FollowUpKind.Weekly, AppFixture.Today.AddDays(7));
        var done = FollowUp.Planned(candidate.Id, FollowUpKind.Weekly, AppFixture.Today.AddDays(-7));
        done.MarkDone(AppFixture.Today.AddDays(-6), FollowUpDoneBy.JournalNote);
        await fx.WithDbAsync(async db =>
        {
            db.AddRange(open, done);
            (await db.Set<FollowUp>().SingleAsync(f => f.Id == cancelled.Id)).Cancel(AppFixture.Today);
            await db.SaveChangesAsync();
        });
        var client = await fx.LoginAsync("js1");

        var page = await (await client.GetAsync($"/FollowUps/Index/{candidate.Id}")).HtmlAsync();

        // On a phone each cell shows its data-label as a caption; a row with nothing to move or cancel shows none.
        Assert.Contains("<td data-label=\"Flytt eller avlys\">", Row(page, open.Id), StringComparison.Ordinal);
        foreach (var closed in new[] { done.Id, cancelled.Id })
        {
            Assert.DoesNotContain("Flytt eller avlys", Row(page, closed), StringComparison.Ordinal);
            Assert.Matches(@"<td></td>\s*</tr>$", Row(page, closed));
        }
    }

    /// <summary>js1's candidate without a job, with one follow-up added by hand on <see cref="Planned"/> (then in the future).</summary>
    private async Task<(Candidate Candidate, FollowUp Added)> CandidateWithFollowUpByHandAsync()
    {
        var referred = new DateOnly(2026, 6, 1);
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 3, referredOn: referred));
        var added = FollowUp.ByHand(candidate.Id, Planned, "Lønnssamtale", null, referred, Planned.AddDays(-3));
        await fx.WithDbAsync(db =>
        {
            db.Add(added);
            return db.SaveChangesAsync();
        });
        return (candidate, added);
    }

    /// <summary>The table row of one follow-up, forms included.</summary>
    private static string Row(string html, int id)
    {
        var start = html.IndexOf($"<tr data-followup=\"{id.ToString(CultureInfo.InvariantCulture)}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for follow-up {id}");
        return html[start..(html.IndexOf("</tr>", start, StringComparison.Ordinal) + 5)];
    }

    private static string OverdueLine(int candidateId) =>
        $"<li data-warning=\"FollowUpOverdue\"><a class=\"aksel-link\" href=\"/FollowUps/Index/{candidateId}\">";

    [GeneratedRegex("<code data-feed-url>([^<]+)</code>")]
    private static partial Regex FeedUrl();
}

public sealed class FollowUpCancelSqliteTests(SqliteAppFixture fx) : FollowUpCancelTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class FollowUpCancelPostgresTests(PostgresAppFixture fx) : FollowUpCancelTests(fx), IClassFixture<PostgresAppFixture>;
