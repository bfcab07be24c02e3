using System.Globalization;
using System.Text.Json;
using Trinn.Core.Candidates;
using Trinn.Core.Demo;
using Trinn.Core.Employers;
using Trinn.Core.FollowUps;
using Trinn.Core.Identity;
using Trinn.Core.Placements;
using Trinn.Core.Teams;
using Trinn.Core.TimeLog;
using Trinn.Web.Infrastructure;
using Trinn.Web.Tests.Resilience;

namespace Trinn.Web.Tests.Indicators;

/// <summary>
/// Team 1 of the demo installation: the dashboard's figures (through the API the page shares) against the same
/// figures worked out here, independently, from the raw rows with plain LINQ. The definitions are the ones written
/// on the dashboard ("Slik regnes det ut"); nothing from Trinn.Core.Indicators is used to compute the expected values.
/// </summary>
public abstract class DemoDashboardTests(TrinnFactory app)
{
    private const decimal WeeklyMinutes = 37.5m * 60;

    [Fact]
    public async Task Team1_LastTwelveMonths_MatchesFiguresComputedFromRawRows()
    {
        var today = NorwegianTime.Today(app.Time);
        var (from, to) = (today.AddMonths(-12).AddDays(1), today);
        var raw = await RawAsync();
        using var mv = await BrowserClient.LoginAsync(app, "metodeveileder1", DemoSeeder.DefaultPassword);
        using var response = await mv.GetAsync($"/api/teams/{raw.TeamId}/indicators");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), json.RootElement.GetProperty("from").GetString());

        // 1. Candidates in follow-up on the last day / the job specialists' FTE that day.
        var active = raw.Candidates.Count(c => c.Start <= to && (c.Discharged is null || c.Discharged > to));
        var fteOnTo = raw.Memberships.Where(m => m.From <= to && (m.To is null || m.To >= to)).Sum(m => m.Fte);
        AssertFigure(indicators["caseload"], active, fteOnTo, active / fteOnTo);
        Assert.True(active > 20, "the demo team should have a real caseload");

        // 2. Candidates whose first year (12 months, or until an earlier discharge) ended in the period.
        var cohort = raw.Candidates
            .Select(c => (c, End: c.Discharged is { } d && d < c.Start.AddMonths(12).AddDays(-1) ? d : c.Start.AddMonths(12).AddDays(-1)))
            .Where(x => x.End >= from && x.End <= to && x.End < today)
            .ToList();
        bool WorkBy(RawCandidate c, DateOnly end) =>
            raw.Placements.Any(p => p.CandidateId == c.Id && p.Paid && p.Regular && p.Start <= end)
            || (c.Discharged == end && c.Outcome is DischargeOutcome.OrdinaryWork or DischargeOutcome.WorkWithWageSubsidy);
        var official = cohort.Count(x => WorkBy(x.c, x.End));
        var broader = cohort.Count(x => WorkBy(x.c, x.End) || (x.c.Discharged == x.End && x.c.Outcome == DischargeOutcome.Education));
        AssertFigure(indicators["work-within-year"], official, cohort.Count, 100m * official / cohort.Count);
        var outcomes = indicators["work-within-year"].GetProperty("outcomes");
        Assert.Equal(broader, outcomes.GetProperty("broader").GetProperty("numerator").GetDecimal());
        Assert.True(cohort.Count >= 10, "the demo should have closed years to measure");

        // 3. Discharges to work in the period per FTE-year (FTE summed day by day / 365).
        var fteDays = 0m;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            fteDays += raw.Memberships.Where(m => m.From <= d && (m.To is null || m.To >= d)).Sum(m => m.Fte);
        }

        var toWork = raw.Candidates.Count(c => c.Discharged >= from && c.Discharged <= to && c.Outcome is DischargeOutcome.OrdinaryWork or DischargeOutcome.WorkWithWageSubsidy);
        AssertFigure(indicators["discharged-to-work"], toWork, fteDays / 365, toWork / (fteDays / 365));

        // 4 and 5. Working time: weekdays × FTE × 7.5 h, less absence; contacts in person and time out of the office
        // on days the specialist was in the team.
        var workingMinutes = 0m;
        var inPerson = 0;
        var outMinutes = 0;
        var loggedMinutes = 0;
        foreach (var m in raw.Memberships)
        {
            for (var d = m.From < from ? from : m.From; d <= (m.To is { } end && end < to ? end : to); d = d.AddDays(1))
            {
                var absent = Math.Min(100, raw.Absences.Where(a => a.UserId == m.UserId && a.From <= d && a.To >= d).Sum(a => a.Percent));
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    workingMinutes += m.Fte * WeeklyMinutes / 5 * (100 - absent) / 100m;
                }

                inPerson += raw.Contacts.Count(c => c.SpecialistId == m.UserId && c.Date == d && c.Kind != EmployerContactKind.Phone);
                outMinutes += raw.Blocks.Where(b => b.UserId == m.UserId && b.Date == d && b.OutOfOffice).Sum(b => b.Minutes);
                loggedMinutes += raw.Blocks.Where(b => b.UserId == m.UserId && b.Date == d).Sum(b => b.Minutes);
            }
        }

        AssertFigure(indicators["employer-contacts"], inPerson, workingMinutes / WeeklyMinutes, inPerson / (workingMinutes / WeeklyMinutes));
        AssertFigure(indicators["out-of-office"], outMinutes / 60m, workingMinutes / 60m, 100m * outMinutes / workingMinutes);
        AssertFigure(indicators["out-of-office-of-logged"], outMinutes / 60m, loggedMinutes / 60m, 100m * outMinutes / loggedMinutes);

        // 6. Follow-ups planned in the period before today, while the job and the follow-up ran: met within the slot's days.
        var due = raw.FollowUps.Where(f => f.Planned >= from && f.Planned <= to && f.Planned < today
                                           && raw.Candidates.Any(c => c.Id == f.CandidateId && (c.Discharged is null || c.Discharged >= f.Planned))
                                           && raw.Placements.Any(p => p.Id == f.PlacementId && (p.End is null || p.End >= f.Planned)))
            .ToList();
        var met = due.Count(f => f.Done is { } done && done <= f.Planned.AddDays(f.Kind switch
        {
            FollowUpKind.AfterStart => 1,
            FollowUpKind.Weekly => 3,
            FollowUpKind.Monthly => 7,
            FollowUpKind.BeforeStart or FollowUpKind.Extra or _ => 0,
        }));
        AssertFigure(indicators["followups-on-time"], met, due.Count, 100m * met / due.Count);

        // 8. Days from referral to the first employer contact about the candidate, for those referred in the period.
        var days = raw.Candidates.Where(c => c.Start >= from && c.Start <= to && raw.FirstContact.ContainsKey(c.Id) && raw.FirstContact[c.Id] <= to)
            .Select(c => raw.FirstContact[c.Id].DayNumber - c.Start.DayNumber).Order().ToList();
        var median = days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2m;
        Assert.Equal(median, indicators["days-to-first-contact"].GetProperty("value").GetDecimal());
        Assert.Equal(days.Count, indicators["days-to-first-contact"].GetProperty("numerator").GetDecimal());

        // The page shows the same headline as the API.
        var html = WebUtility.HtmlDecode(await mv.GetHtmlAsync("/Overview"));
        Assert.Contains($"data-value=\"caseload\">{(active / fteOnTo).ToString("0.0", PagesSetup.Norwegian)}<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_EverySpecialistSeesAllFiveStagesAtWork_AndTeam3IsInItsStartUpYear()
    {
        var counts = await app.Data.WithDbAsync(db => db.Candidates.AsNoTracking().Where(c => c.DischargedOn == null && c.PrimarySpecialistId != null)
            .GroupBy(c => new { c.PrimarySpecialistId, c.Stage }).Select(g => new { g.Key.PrimarySpecialistId, g.Key.Stage }).ToListAsync());
        var specialists = await app.Data.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.UserName!.StartsWith("jobbspesialist")).Select(u => new { u.Id, u.UserName }).ToListAsync());
        Assert.Equal(7, specialists.Count);
        foreach (var s in specialists)
        {
            Assert.Equal([1, 2, 3, 4, 5], counts.Where(c => c.PrimarySpecialistId == s.Id).Select(c => c.Stage).Order());
        }

        using var js6 = await BrowserClient.LoginAsync(app, "jobbspesialist6", DemoSeeder.DefaultPassword);
        var html = WebUtility.HtmlDecode(await js6.GetHtmlAsync("/Overview"));
        Assert.Contains("data-testid=\"start-up-year\"", html, StringComparison.Ordinal);
        Assert.Contains("Oppstartsår — måltall forventes ikke", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-light=\"NotMet\"", html, StringComparison.Ordinal);

        // Every kind of placement and support measure, two closed fidelity rounds per team with answers.
        var kinds = await app.Data.WithDbAsync(db => db.Set<Placement>().Select(p => p.Kind).Distinct().ToListAsync());
        Assert.Equal(Enum.GetValues<PlacementKind>().Order(), kinds.Order());
        var measures = await app.Data.WithDbAsync(db => db.Set<SupportMeasure>().Select(m => new { m.Kind, m.Placement!.Candidate!.TeamId }).Distinct().ToListAsync());
        Assert.All(measures.Select(m => m.TeamId).Distinct(), team => Assert.Equal(4, measures.Count(m => m.TeamId == team)));
        var rounds = await app.Data.WithDbAsync(db => db.Set<Core.Fidelity.FidelityRound>().GroupBy(r => r.TeamId)
            .Select(g => new { Count = g.Count(), Answered = g.Count(r => db.Set<Core.Fidelity.FidelityResponse>().Any(x => x.RoundId == r.Id)) }).ToListAsync());
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, r => Assert.Equal((2, 2), (r.Count, r.Answered)));
    }

    private static void AssertFigure(JsonElement indicator, decimal numerator, decimal denominator, decimal value)
    {
        var key = indicator.GetProperty("key").GetString();
        Assert.True(Math.Round(numerator, 4) == indicator.GetProperty("numerator").GetDecimal(), $"{key}: numerator {numerator} vs {indicator.GetProperty("numerator")}");
        Assert.True(Math.Round(denominator, 4) == indicator.GetProperty("denominator").GetDecimal(), $"{key}: denominator {denominator} vs {indicator.GetProperty("denominator")}");
        Assert.True(Math.Round(value, 4) == indicator.GetProperty("value").GetDecimal(), $"{key}: value {value} vs {indicator.GetProperty("value")}");
    }

    private Task<Raw> RawAsync() => app.Data.WithDbAsync(async db =>
    {
        var team = await db.Teams.SingleAsync(t => t.Name == "Team 1");
        var roleId = await db.Roles.Where(r => r.Name == Roles.Jobbspesialist).Select(r => r.Id).SingleAsync();
        var specialists = await db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId).ToListAsync();
        var memberships = (await db.Set<TeamMembership>().AsNoTracking().Where(m => m.TeamId == team.Id).ToListAsync())
            .Where(m => specialists.Contains(m.UserId)).Select(m => new RawMembership(m.UserId, m.From, m.To, m.Fte)).ToList();
        var users = memberships.Select(m => m.UserId).Distinct().ToList();
        var candidates = await db.Candidates.AsNoTracking().Where(c => c.TeamId == team.Id)
            .Select(c => new RawCandidate(c.Id, c.Referral!.ReferredOn, c.DischargedOn, c.DischargeOutcome)).ToListAsync();
        var ids = candidates.Select(c => c.Id).ToList();
        var placements = (await db.Set<Placement>().AsNoTracking().Where(p => ids.Contains(p.CandidateId)).ToListAsync())
            .Select(p => new RawPlacement(p.Id, p.CandidateId, p.IsPaid, p.Market == LabourMarket.Regular, p.StartDate, p.EndDate)).ToList();
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(f => ids.Contains(f.CandidateId))
            .Select(f => new RawFollowUp(f.CandidateId, f.PlacementId, f.Kind, f.PlannedDate, f.DoneOn)).ToListAsync();
        var contacts = await db.Set<EmployerContact>().AsNoTracking().Where(c => users.Contains(c.SpecialistId))
            .Select(c => new RawContact(c.SpecialistId, c.Date, c.Kind)).ToListAsync();
        var blocks = await db.Set<TimeBlock>().AsNoTracking().Where(b => users.Contains(b.UserId))
            .Select(b => new RawBlock(b.UserId, b.Date, b.Minutes, b.OutOfOffice)).ToListAsync();
        var absences = await db.Set<Absence>().AsNoTracking().Where(a => users.Contains(a.UserId))
            .Select(a => new RawAbsence(a.UserId, a.From, a.To, a.Percent)).ToListAsync();
        var links = await db.Set<EmployerContactCandidate>().AsNoTracking().Where(l => ids.Contains(l.CandidateId))
            .Join(db.Set<EmployerContact>(), l => l.EmployerContactId, c => c.Id, (l, c) => new { l.CandidateId, c.Date }).ToListAsync();
        var first = links.GroupBy(l => l.CandidateId).ToDictionary(g => g.Key, g => g.Min(l => l.Date));
        return new Raw(team.Id, memberships, candidates, placements, followUps, contacts, blocks, absences, first);
    });

    private sealed record Raw(
        int TeamId, List<RawMembership> Memberships, List<RawCandidate> Candidates, List<RawPlacement> Placements, List<RawFollowUp> FollowUps,
        List<RawContact> Contacts, List<RawBlock> Blocks, List<RawAbsence> Absences, Dictionary<int, DateOnly> FirstContact);

    private sealed record RawMembership(string UserId, DateOnly From, DateOnly? To, decimal Fte);

    private sealed record RawCandidate(int Id, DateOnly Start, DateOnly? Discharged, DischargeOutcome? Outcome);

    private sealed record RawPlacement(int Id, int CandidateId, bool Paid, bool Regular, DateOnly Start, DateOnly? End);

    private sealed record RawFollowUp(int CandidateId, int? PlacementId, FollowUpKind Kind, DateOnly Planned, DateOnly? Done);

    private sealed record RawContact(string SpecialistId, DateOnly Date, EmployerContactKind Kind);

    private sealed record RawBlock(string UserId, DateOnly Date, int Minutes, bool OutOfOffice);

    private sealed record RawAbsence(string UserId, DateOnly From, DateOnly To, int Percent);
}

public sealed class DemoDashboardSqliteTests(DemoTrinnFactory app) : DemoDashboardTests(app), IClassFixture<DemoTrinnFactory>;

public sealed class DemoDashboardPostgresTests(DemoPostgresTrinnFactory app) : DemoDashboardTests(app), IClassFixture<DemoPostgresTrinnFactory>;
