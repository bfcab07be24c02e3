using System.Globalization;
using Trinn.Core.Employers;
using Trinn.Core.Placements;

namespace Trinn.Web.Tests.Workplace;

/// <summary>Placements, support measures and their warnings through the pages, on each database provider.</summary>
public abstract class PlacementPagesTests(AppFixture fx)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task NewPaidPlacement_MovesCandidateToStage4InTheTimeline()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 3));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = S((int)PlacementKind.Temporary),
            ["Input.Market"] = "1",
            ["Input.PositionPercent"] = "60",
            ["Input.StartDate"] = "2026-11-23",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await fx.WithDbAsync(async db =>
        {
            var c = await db.Candidates.AsNoTracking().Include(x => x.StageChanges).SingleAsync(x => x.Id == candidate.Id);
            Assert.Equal(4, c.Stage);
            Assert.Equal(new DateOnly(2026, 11, 23), c.StageSince);
            Assert.Contains(c.StageChanges, s => s.FromStage == 3 && s.ToStage == 4 && s.Reason == "Startet i betalt jobb");
            var p = await db.Set<Placement>().AsNoTracking().SingleAsync(x => x.CandidateId == candidate.Id);
            Assert.Equal(60, p.PositionPercent);
        });
    }

    [Fact]
    public async Task NewPaidPlacement_NoPercent_FieldErrorNothingSavedStageUnchanged()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 3));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = S((int)PlacementKind.Permanent),
            ["Input.Market"] = "1",
            ["Input.StartDate"] = "2026-11-23",
        });
        var html = await response.HtmlAsync();
        Assert.Contains("Fyll ut stillingsprosent for betalt arbeid.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_PositionPercent-error\"", html, StringComparison.Ordinal);
        await fx.WithDbAsync(async db =>
        {
            Assert.False(await db.Set<Placement>().AnyAsync(p => p.CandidateId == candidate.Id));
            Assert.Equal(3, (await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == candidate.Id)).Stage);
        });
    }

    [Fact]
    public async Task NewPlacement_EmployerOfOtherTeam_FieldErrorNothingSaved()
    {
        var foreign = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamB));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(foreign.Id),
            ["Input.Kind"] = "1",
            ["Input.Market"] = "1",
            ["Input.StartDate"] = "2026-11-23",
            ["Input.EndDate"] = "2026-11-24",
        });
        Assert.Contains("Velg en arbeidsgiver fra teamets register.", await response.HtmlAsync(), StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<Placement>().AnyAsync(p => p.CandidateId == candidate.Id)));
    }

    [Fact]
    public async Task Jobbsmak_FiveDays_WarningOnPlacementPage()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"]));
        var client = await fx.LoginAsync("js1");
        var ok = await AppFixture.PostFormAsync(client, $"/Placements/New/{candidate.Id}", new()
        {
            ["Input.EmployerId"] = S(employer.Id),
            ["Input.Kind"] = "1",
            ["Input.Market"] = "1",
            ["Input.StartDate"] = "2026-11-16",
            ["Input.EndDate"] = "2026-11-20",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var html = await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains("data-warning=\"jobbsmak-long\"", html, StringComparison.Ordinal);
        Assert.Contains("Jobbsmaken varer 5 dager. Jobbsmak er formelt inntil 3 dager.", html, StringComparison.Ordinal);
        Assert.Equal(3, await fx.WithDbAsync(db => db.Candidates.Where(c => c.Id == candidate.Id).Select(c => c.Stage).SingleAsync()));
    }

    [Fact]
    public async Task EndPaidPlacement_MoveBackChosen_Stage3AndEndingRecorded()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        var client = await fx.LoginAsync("js2");
        var page = await (await client.GetAsync($"/Placements/End/{placement.Id}")).HtmlAsync();
        Assert.Contains("Skal kandidaten tilbake til trinn 3", page, StringComparison.Ordinal);
        var response = await AppFixture.PostFormAsync(client, $"/Placements/End/{placement.Id}", new()
        {
            ["Input.EndDate"] = "2026-11-20",
            ["Input.Ending"] = S((int)PlacementEnding.Dismissed),
            ["Input.MoveBackToStage3"] = "true",
            ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await fx.WithDbAsync(async db =>
        {
            var p = await db.Set<Placement>().AsNoTracking().SingleAsync(x => x.Id == placement.Id);
            Assert.Equal(PlacementEnding.Dismissed, p.Ending);
            var c = await db.Candidates.AsNoTracking().Include(x => x.StageChanges).SingleAsync(x => x.Id == candidate.Id);
            Assert.Equal(3, c.Stage);
            Assert.Contains(c.StageChanges, s => s.FromStage == 4 && s.ToStage == 3 && s.Date == new DateOnly(2026, 11, 20));
        });

        // Ended: the list shows the day it ended as such, no longer as a planned last day.
        var list = await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains("<dt>Sluttdato</dt><dd>20.11.2026</dd>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Planlagt siste dag", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndPlacement_MeasureRunningPastTheEnd_EndsWithTheJobAudited()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 8, 28)));
        var measure = await AddWageSubsidyAsync(placement.Id, new DateOnly(2026, 8, 28), new DateOnly(2027, 8, 28), new DateOnly(2027, 2, 28));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/End/{placement.Id}", new()
        {
            ["Input.EndDate"] = "2026-11-20",
            ["Input.Ending"] = S((int)PlacementEnding.ContractEnded),
            ["Input.MoveBackToStage3"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 20), await fx.WithDbAsync(db => db.Set<SupportMeasure>().Where(m => m.Id == measure.Id).Select(m => m.ToDate).SingleAsync()));
        Assert.True(await fx.WithDbAsync(db => db.Set<Trinn.Core.Audit.AuditEntry>().AnyAsync(
            a => a.EntityType == nameof(SupportMeasure) && a.EntityId == S(measure.Id) && a.Action == Trinn.Core.Audit.AuditAction.Update)));
        var jobs = await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains("40 %, 28.08.2026–20.11.2026", jobs, StringComparison.Ordinal);
        Assert.DoesNotContain("28.08.2027", jobs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndPlacement_StaleVersion_ConflictAndNothingChanged()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/End/{placement.Id}", new()
        {
            ["Input.EndDate"] = "2026-11-20",
            ["Input.Ending"] = "1",
            ["Input.MoveBackToStage3"] = "true",
            ["Input.Version"] = "7",
        });
        Assert.Contains("Noen andre lagret endringer samtidig", await response.HtmlAsync(), StringComparison.Ordinal);
        await fx.WithDbAsync(async db =>
        {
            Assert.Null((await db.Set<Placement>().AsNoTracking().SingleAsync(x => x.Id == placement.Id)).Ending);
            Assert.Equal(4, (await db.Candidates.AsNoTracking().SingleAsync(x => x.Id == candidate.Id)).Stage);
        });
    }

    [Fact]
    public async Task WageSubsidy_MissingPercent_FieldErrorNothingSaved()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        var client = await fx.LoginAsync("js1");
        var response = await AppFixture.PostFormAsync(client, $"/Placements/Measure/{placement.Id}", new()
        {
            ["Input.Kind"] = "1",
            ["Input.FromDate"] = "2026-10-01",
            ["Input.NextReviewDate"] = "2027-01-01",
        });
        var html = await response.HtmlAsync();
        Assert.Contains("Fyll ut Prosent.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Percent-error\"", html, StringComparison.Ordinal);
        Assert.False(await fx.WithDbAsync(db => db.Set<SupportMeasure>().AnyAsync(m => m.PlacementId == placement.Id)));
    }

    [Fact]
    public async Task MeasureForm_StartBeforeTheJob_NorwegianErrorAtFromDateNothingSaved()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        var client = await fx.LoginAsync("js1");
        var form = await client.GetFormAsync($"/Placements/Measure/{placement.Id}");
        Assert.Equal("2026-10-01", InputValue(form.Html, "Input.FromDate"));
        var tries = new Dictionary<string, string>
        {
            // A wage subsidy typed with the wrong year, and a mentor grant dated from the week before the start.
            ["1"] = "2020-10-01",
            ["2"] = "2026-09-24",
        };
        foreach (var (kind, from) in tries)
        {
            var response = await client.PostFormAsync(form, new Dictionary<string, string>
            {
                ["Input.Kind"] = kind,
                ["Input.FromDate"] = from,
                ["Input.Percent"] = "40",
                ["Input.NextReviewDate"] = "2027-01-01",
                ["Input.MentorName"] = "Kari Kollega",
                ["Input.HoursPerMonth"] = "8",
                ["Input.MentorMandate"] = "Fast veiledning annenhver uke.",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.HtmlAsync();
            Assert.Matches("id=\"Input_FromDate-error\"[^>]*><p[^>]*>Virkemiddelet kan ikke starte før jobben starter \\(01\\.10\\.2026\\)\\.", html);
        }

        Assert.False(await fx.WithDbAsync(db => db.Set<SupportMeasure>().AnyAsync(m => m.PlacementId == placement.Id)));
    }

    [Fact]
    public async Task PlannedEnd_TemporaryJobExtendedFromTheList_MeasureInTheNewPeriodAccepted()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Temporary, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)));
        var client = await fx.LoginAsync("js1");
        var list = await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync();
        Assert.Contains($"href=\"/Placements/PlannedEnd/{placement.Id}\">Endre planlagt slutt</a>", list, StringComparison.Ordinal);
        Assert.Contains("<dt>Planlagt siste dag</dt><dd>30.11.2026</dd>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Sluttdato", list, StringComparison.Ordinal);

        var form = await client.GetFormAsync($"/Placements/PlannedEnd/{placement.Id}");
        Assert.Equal("2026-11-30", InputValue(form.Html, "Input.PlannedEnd"));
        var saved = await client.PostFormAsync(form, new Dictionary<string, string> { ["Input.PlannedEnd"] = "2027-03-31" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new DateOnly(2027, 3, 31), await fx.WithDbAsync(db => db.Set<Placement>().Where(p => p.Id == placement.Id).Select(p => p.EndDate).SingleAsync()));

        // A mentor from December: after the old planned end, inside the new one.
        var added = await AppFixture.PostFormAsync(client, $"/Placements/Measure/{placement.Id}", new()
        {
            ["Input.Kind"] = S((int)SupportMeasureKind.Mentortilskudd),
            ["Input.MentorName"] = "Kari Kollega",
            ["Input.HoursPerMonth"] = "8",
            ["Input.MentorMandate"] = "Fast veiledning annenhver uke.",
            ["Input.FromDate"] = "2026-12-15",
            ["Input.ToDate"] = "2027-03-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await fx.WithDbAsync(db => db.Set<SupportMeasure>().AnyAsync(m => m.PlacementId == placement.Id)));
    }

    [Fact]
    public async Task PlannedEnd_BeforeAMeasureStarts_NorwegianErrorAtTheFieldNothingSaved()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Temporary, new DateOnly(2026, 10, 1), new DateOnly(2027, 3, 31)));
        var client = await fx.LoginAsync("js1");
        var added = await AppFixture.PostFormAsync(client, $"/Placements/Measure/{placement.Id}", new()
        {
            ["Input.Kind"] = S((int)SupportMeasureKind.Tilretteleggingsplan),
            ["Input.Text"] = "Faste oppgaver og pauser.",
            ["Input.FromDate"] = "2026-12-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var form = await client.GetFormAsync($"/Placements/PlannedEnd/{placement.Id}");
        var refused = await client.PostFormAsync(form, new Dictionary<string, string> { ["Input.PlannedEnd"] = "2026-11-15" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"Input_PlannedEnd-error\"[^>]*><p[^>]*>Et virkemiddel starter 01\\.12\\.2026\\. Planlagt slutt kan ikke være før det\\.", await refused.HtmlAsync());
        Assert.Equal(new DateOnly(2027, 3, 31), await fx.WithDbAsync(db => db.Set<Placement>().Where(p => p.Id == placement.Id).Select(p => p.EndDate).SingleAsync()));
    }

    [Theory]
    [InlineData("1", "Kari Kollega, 1 time per måned")]
    [InlineData("2", "Kari Kollega, 2 timer per måned")]
    public async Task MeasureList_MentorHoursPerMonth_SingularOnlyForExactlyOne(string hours, string expected)
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 10, 1)));
        var client = await fx.LoginAsync("js1");
        var added = await AppFixture.PostFormAsync(client, $"/Placements/Measure/{placement.Id}", new()
        {
            ["Input.Kind"] = S((int)SupportMeasureKind.Mentortilskudd),
            ["Input.MentorName"] = "Kari Kollega",
            ["Input.HoursPerMonth"] = hours,
            ["Input.MentorMandate"] = "Fast veiledning annenhver uke.",
            ["Input.FromDate"] = "2026-10-01",
            ["Input.ToDate"] = "2027-04-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Contains(expected + ", 01.10.2026–01.04.2027", await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WageSubsidyPastReview_WarnsOnPortfolioAndTeamView_UntilEmployerContactAboutIt()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        await fx.WithDbAsync(db => db.AddAgreementAsync(candidate.Id, employerContact: true));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 5, 1)));
        var client = await fx.LoginAsync("js1");
        var added = await AppFixture.PostFormAsync(client, $"/Placements/Measure/{placement.Id}", new()
        {
            ["Input.Kind"] = "1",
            ["Input.Percent"] = "40",
            ["Input.FromDate"] = "2026-05-01",
            ["Input.NextReviewDate"] = "2026-11-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var marker = $"href=\"/Placements/Index/{candidate.Id}\">{candidate.FirstName} {candidate.LastName}</a>: lønnstilskudd hos {employer.Name} skulle vært revurdert 01.11.2026";
        var portfolio = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        Assert.True(portfolio.Contains(marker, StringComparison.Ordinal), portfolio[portfolio.IndexOf("<main", StringComparison.Ordinal)..]);
        var mv = await fx.LoginAsync("mv1");
        Assert.Contains(marker, await (await mv.GetAsync("/Candidates")).HtmlAsync(), StringComparison.Ordinal);
        Assert.Contains("data-warning=\"wage-subsidy-review\"", await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync(), StringComparison.Ordinal);

        // A contact about it at another employer, or without the candidate, does not clear the warning.
        var other = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        await fx.WithDbAsync(async db =>
        {
            db.Add(EmployerContact.Create(other.Id, fx.UserIds["js1"], new DateOnly(2026, 11, 20), EmployerContactKind.Phone, EmployerContactPurpose.AgreeSupportMeasures,
                false, 10, null, [candidate.Id], AppFixture.Today, AppFixture.Now.UtcDateTime));
            db.Add(EmployerContact.Create(employer.Id, fx.UserIds["js1"], new DateOnly(2026, 11, 20), EmployerContactKind.Phone, EmployerContactPurpose.AgreeSupportMeasures,
                false, 10, null, [], AppFixture.Today, AppFixture.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });
        Assert.Contains(marker, await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);

        var contact = await AppFixture.PostFormAsync(client, $"/Employers/Contact/{employer.Id}", new()
        {
            ["Input.Date"] = "2026-11-26",
            ["Input.Kind"] = "2",
            ["Input.Purpose"] = S((int)EmployerContactPurpose.AgreeSupportMeasures),
            ["Input.CandidateIds"] = S(candidate.Id),
        });
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.DoesNotContain(marker, await (await client.GetAsync("/Portfolio")).HtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewWageSubsidy_FormAsPrefilled_SavesWithTheNextReviewAhead()
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        var placement = await fx.WithDbAsync(db => db.AddPlacementAsync(candidate.Id, employer.Id, PlacementKind.Permanent, new DateOnly(2026, 5, 1)));
        var measure = await AddWageSubsidyAsync(placement.Id, new DateOnly(2026, 5, 1), null, new DateOnly(2026, 11, 1));
        var client = await fx.LoginAsync("js1");
        var form = await client.GetFormAsync($"/Placements/Review/{measure.Id}");
        // Exactly what the form holds as the user sees it: its hidden fields and token, the pre-filled dates and note.
        var fields = new Dictionary<string, string>();
        foreach (var name in new[] { "Input.LastReviewedOn", "Input.NextReviewDate" })
        {
            fields[name] = InputValue(form.Html, name);
        }

        fields["Input.ReviewNote"] = "";
        Assert.Equal("2026-11-27", fields["Input.LastReviewedOn"]);
        Assert.Equal("2027-05-30", fields["Input.NextReviewDate"]);
        var response = await client.PostFormAsync(form, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fx.WithDbAsync(db => db.Set<SupportMeasure>().AsNoTracking().SingleAsync(m => m.Id == measure.Id));
        Assert.Equal(AppFixture.Today, saved.LastReviewedOn);
        Assert.Equal(new DateOnly(2027, 5, 30), saved.NextReviewDate);
    }

    [Fact]
    public async Task WageSubsidyPastReview_SubsidyEnded_NoWarningOnJobPagePortfolioOrTeamView()
    {
        var candidate = await fx.WithDbAsync(db => db.AddCandidateAsync(fx.TeamA, fx.UserIds["js1"], stage: 4));
        // Ended on its own date: 01.01.2020–01.06.2020, review due 01.03.2020.
        var old = await AddSubsidyAsync(candidate.Id, new DateOnly(2020, 1, 1), null, new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 1), new DateOnly(2020, 3, 1));
        // Six months on a continuing job, ended 01.11.2026, review due 01.08.2026.
        var sixMonths = await AddSubsidyAsync(candidate.Id, new DateOnly(2026, 5, 1), null, new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 1), new DateOnly(2026, 8, 1));
        // Open, on a temporary job whose end date (20.11.2026) has passed.
        var jobEnded = await AddSubsidyAsync(candidate.Id, new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 20), new DateOnly(2026, 5, 1), null, new DateOnly(2026, 8, 1));
        // Still running, review due 01.11.2026: the one warning.
        var running = await AddSubsidyAsync(candidate.Id, new DateOnly(2026, 5, 1), null, new DateOnly(2026, 5, 1), new DateOnly(2027, 5, 1), new DateOnly(2026, 11, 1));
        var client = await fx.LoginAsync("js1");
        var mv = await fx.LoginAsync("mv1");
        var portfolio = await (await client.GetAsync("/Portfolio")).HtmlAsync();
        var team = await (await mv.GetAsync("/Candidates")).HtmlAsync();
        foreach (var html in new[] { portfolio, team })
        {
            Assert.Contains($"lønnstilskudd hos {running} skulle vært revurdert 01.11.2026", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"lønnstilskudd hos {old} ", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"lønnstilskudd hos {sixMonths} ", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"lønnstilskudd hos {jobEnded} ", html, StringComparison.Ordinal);
        }

        var jobs = await (await client.GetAsync($"/Placements/Index/{candidate.Id}")).HtmlAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(jobs, "data-warning=\"wage-subsidy-review\""));
    }

    /// <summary>A paid job at a new employer with a wage subsidy on it; returns the employer's name.</summary>
    private async Task<string> AddSubsidyAsync(int candidateId, DateOnly jobStart, DateOnly? jobEnd, DateOnly from, DateOnly? to, DateOnly review)
    {
        var employer = await fx.WithDbAsync(db => db.AddEmployerAsync(fx.TeamA));
        await fx.WithDbAsync(async db =>
        {
            var placement = await db.AddPlacementAsync(candidateId, employer.Id, jobEnd is null ? PlacementKind.Permanent : PlacementKind.Temporary, jobStart, jobEnd);
            placement.AddMeasure(SupportMeasure.Lonnstilskudd(40, from, to, review, AppFixture.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });
        return employer.Name;
    }

    private static string InputValue(string html, string name)
    {
        var input = System.Text.RegularExpressions.Regex.Match(html, "<input\\b[^>]*name=\"" + System.Text.RegularExpressions.Regex.Escape(name) + "\"[^>]*>");
        Assert.True(input.Success, name + " is not on the form");
        var value = System.Text.RegularExpressions.Regex.Match(input.Value, "\\bvalue=\"(?<v>[^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups["v"].Value) : "";
    }

    private Task<SupportMeasure> AddWageSubsidyAsync(int placementId, DateOnly from, DateOnly? to, DateOnly review) =>
        fx.WithDbAsync(async db =>
        {
            var m = SupportMeasure.Lonnstilskudd(40, from, to, review, AppFixture.Now.UtcDateTime);
            (await db.Set<Placement>().Include(p => p.Measures).SingleAsync(p => p.Id == placementId)).AddMeasure(m);
            await db.SaveChangesAsync();
            return m;
        });
}

public sealed class PlacementPagesSqliteTests(SqliteAppFixture fx) : PlacementPagesTests(fx), IClassFixture<SqliteAppFixture>;

public sealed class PlacementPagesPostgresTests(PostgresAppFixture fx) : PlacementPagesTests(fx), IClassFixture<PostgresAppFixture>;
