using System.Globalization;
using System.Text.RegularExpressions;
using Trinn.Core.Identity;

namespace Trinn.Web.Tests.Portfolio;

/// <summary>Min portefølje and the team view, with a clock the test controls, on SQLite and on PostgreSQL.</summary>
public abstract partial class PortfolioTests(TrinnFactory app)
{
    private const string BackupHeading = "Kandidater du er backup for";

    [Fact]
    public async Task Portfolio_Specialist_ShowsOwnActiveCandidatesWithStageDaysLastContactAndNextAction()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var colleague = await app.Data.AddUserAsync(Roles.Jobbspesialist, staff.Team);
        var today = app.Data.Today;
        var own = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist,
            stageSince: today.AddDays(-7), lastContact: today.AddDays(-3), nextAction: "Ringe arbeidsgiveren");
        var discharged = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist, dischargedOn: today);
        var colleagues = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: colleague);
        var backedUp = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: colleague, backup: staff.Specialist);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var html = await client.GetHtmlAsync("/Portfolio");

        var (ownTable, backupTable) = Split(html);
        Assert.Single(Rows(ownTable));
        var row = Row(ownTable, own.LastName);
        Assert.Contains("Trinn 3", Cell(row, "Trinn"), StringComparison.Ordinal);
        Assert.Equal("7", Cell(row, "Dager på trinnet"));
        Assert.Equal(Format(today.AddDays(-3)), Cell(row, "Siste kontakt"));
        Assert.Equal($"Ringe arbeidsgiveren ({Format(today.AddDays(3))})", Cell(row, "Neste planlagte handling"));
        Assert.DoesNotContain("data-warning", row, StringComparison.Ordinal);
        Assert.DoesNotContain(discharged.LastName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(colleagues.LastName, html, StringComparison.Ordinal);
        Assert.Contains(backedUp.LastName, backupTable, StringComparison.Ordinal);
        Assert.DoesNotContain(backedUp.LastName, ownTable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    [InlineData(40, true)]
    public async Task Portfolio_LastContactDaysAgo_WarnsOnlyAfter14Days(int daysAgo, bool warning)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist,
            lastContact: app.Data.Today.AddDays(-daysAgo));
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var row = Row(Split(await client.GetHtmlAsync("/Portfolio")).Own, candidate.LastName);

        Assert.Equal(warning, row.Contains("data-warning=\"no-contact\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Portfolio_NoContactSinceReferral16DaysAgo_Warns()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, specialist: staff.Specialist, referredDaysAgo: 16);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var row = Row(Split(await client.GetHtmlAsync("/Portfolio")).Own, candidate.LastName);

        Assert.Contains("data-warning=\"no-contact\"", row, StringComparison.Ordinal);
        Assert.Equal("–", Cell(row, "Siste kontakt").Split(' ')[0]);
    }

    [Fact]
    public async Task Portfolio_ClockPasses15DaysWithoutContact_WarningAppears()
    {
        Assert.NotNull(app.FakeTime);
        var staff = await app.Data.AddTeamWithStaffAsync();
        var candidate = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist, lastContact: app.Data.Today);
        using (var before = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!))
        {
            Assert.DoesNotContain("data-warning", Row(Split(await before.GetHtmlAsync("/Portfolio")).Own, candidate.LastName), StringComparison.Ordinal);
        }

        app.FakeTime.Advance(TimeSpan.FromDays(15));
        using var after = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var html = await after.GetHtmlAsync("/Portfolio");
        Assert.Contains("data-warning=\"no-contact\"", Row(Split(html).Own, candidate.LastName), StringComparison.Ordinal);
        Assert.Contains("1 kandidat har ikke hatt kontakt på over 14 dager.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Du følger opp 1 kandidat.", "1 kandidat har ikke hatt kontakt på over 14 dager.")]
    [InlineData(2, "Du følger opp 2 kandidater.", "2 kandidater har ikke hatt kontakt på over 14 dager.")]
    public async Task Portfolio_OneOrTwoCandidates_CountedInSingularOnlyForOne(int count, string intro, string warning)
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        for (var i = 0; i < count; i++)
        {
            await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: staff.Specialist,
                lastContact: app.Data.Today.AddDays(-20));
        }

        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var html = await client.GetHtmlAsync("/Portfolio");

        Assert.Contains(intro, html, StringComparison.Ordinal);
        Assert.Contains(warning, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_FilterBySpecialistAndStage_ShowsOnlyMatchingCandidates()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var colleague = await app.Data.AddUserAsync(Roles.Jobbspesialist, staff.Team);
        var match = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: colleague);
        var otherStage = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 2, specialist: colleague);
        var otherSpecialist = await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 3, specialist: staff.Specialist);
        var otherTeam = await app.Data.AddCandidateAsync(await app.Data.AddTeamAsync(), staff.NavVeileder, stage: 3);
        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var all = await client.GetHtmlAsync("/Candidates");
        var filtered = await client.GetHtmlAsync($"/Candidates?spesialist={colleague.Id}&trinn=3");

        Assert.Equal(3, Rows(all).Count);
        // The filter finds the candidates a specialist follows as main or as backup, and its label says so.
        Assert.Contains("for=\"spesialist\" class=\"aksel-form-field__label aksel-label\">Jobbspesialist eller backup</label>", all, StringComparison.Ordinal);
        Assert.DoesNotContain(otherTeam.LastName, all, StringComparison.Ordinal);
        var row = Assert.Single(Rows(filtered));
        Assert.Contains(match.LastName, row, StringComparison.Ordinal);
        Assert.DoesNotContain(otherStage.LastName, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(otherSpecialist.LastName, filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_MoreCandidatesThanAPage_PagesThroughAll()
    {
        var staff = await app.Data.AddTeamWithStaffAsync();
        var names = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            names.Add((await app.Data.AddCandidateAsync(staff.Team, staff.NavVeileder, stage: 1 + (i % 5))).LastName);
        }

        using var client = await BrowserClient.LoginAsync(app, staff.Specialist.UserName!);

        var page1 = await client.GetHtmlAsync("/Candidates");
        var page2 = await client.GetHtmlAsync("/Candidates?side=2");

        Assert.Equal(25, Rows(page1).Count);
        Assert.Equal(2, Rows(page2).Count);
        Assert.Contains("27 i alt", page1, StringComparison.Ordinal);
        Assert.Contains("href=\"?side=2\"", page1, StringComparison.Ordinal);
        var shown = Rows(page1).Concat(Rows(page2)).Select(r => names.Single(n => r.Contains(n, StringComparison.Ordinal)));
        Assert.Equal(names.Order(), shown.Order());
    }

    private static (string Own, string Backup) Split(string html)
    {
        var at = html.IndexOf(BackupHeading, StringComparison.Ordinal);
        Assert.True(at > 0, "Min portefølje has no backup section.");
        return (html[..at], html[at..]);
    }

    private static List<string> Rows(string html) =>
        TableRow().Matches(html).Select(m => m.Value).Where(r => r.Contains("<td", StringComparison.Ordinal)).ToList();

    private static string Row(string html, string name)
    {
        var rows = Rows(html).Where(r => r.Contains(name, StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count == 1, $"Expected one row for {name}, found {rows.Count}.");
        return rows[0];
    }

    private static string Cell(string row, string label)
    {
        var match = Regex.Match(row, $"<td data-label=\"{Regex.Escape(label)}\">(?<text>.*?)</td>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No cell {label}.");
        return Regex.Replace(Regex.Replace(match.Groups["text"].Value, "<[^>]+>", " "), "\\s+", " ").Trim();
    }

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();
}

public sealed class PortfolioSqliteTests(FakeClockTrinnFactory app) : PortfolioTests(app), IClassFixture<FakeClockTrinnFactory>;

public sealed class PortfolioPostgresTests(FakeClockPostgresTrinnFactory app) : PortfolioTests(app), IClassFixture<FakeClockPostgresTrinnFactory>;
