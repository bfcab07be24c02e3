using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trinn.Web.Infrastructure;

namespace Trinn.E2E;

/// <summary>
/// Issue 15's journey in the browser: a plan made with the candidate → a three-way meeting (seen by the NAV-veileder,
/// without journal text) → a job start with a follow-up in the week before the start → the job ends (its follow-ups
/// close) → a case review → a later job, discharge to work, and the candidate taken back after losing it. axe on every
/// new page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class WayOfWorkingJourneyTests(BrowserFixture fx)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Plan_ThreeWayMeeting_FollowUpBeforeStart_JobEnds_CaseReview_TakenBackAfterLosingALaterJob()
    {
        var today = NorwegianTime.Today(TimeProvider.System);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Selma" + suffix;
        var page = await fx.LoginAsync("js1", phone: true);

        // Referral with js1 as the job specialist, and the cooperation agreement with the NAV-veileder consent.
        await page.GotoAsync("/Referrals/New");
        await page.FillAsync("#Input_FirstName", name);
        await page.FillAsync("#Input_LastName", "Planlegger");
        await page.FillAsync("#Input_NationalId", Pages.NewNationalId());
        await page.SelectOptionAsync("#Input_ReferredById", new SelectOptionValue { Label = "E2E nav1" });
        await page.SelectOptionAsync("#Input_Innsatsgruppe", "2");
        await page.FillAsync("#Input_ReferredOn", Iso(today.AddDays(-60)));
        await page.FillAsync("#Input_Reason", "Ønsker jobb i butikk");
        await page.SelectOptionAsync("#Input_PrimarySpecialistId", new SelectOptionValue { Label = "E2E js1" });
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Candidates/Details/\\d+$"));
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await page.GotoAsync($"/Candidates/Agreement/{id}");
        await page.FillAsync("#Input_SignedOn", Iso(today.AddDays(-55)));
        await page.FillAsync("#Input_Agreed", "Finne jobb sammen");
        await page.CheckAsync("#Input_ConsentEmployerContact");
        await page.CheckAsync("#Input_ConsentNavVeileder");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{id}$"));

        // The plan, made with the candidate at a café: who was there, a goal and the candidate's own first step.
        await page.ClickAsync($"a[href='/ActionPlans/Index/{id}']");
        await Pages.WaitForUrlAsync(page, new Regex($"/ActionPlans/(Index/)?{id}$"));
        await Axe.AssertAccessibleAsync(page);
        await page.UncheckAsync("#Input_CandidatePresent");
        await page.UncheckAsync("#Input_JobSpecialistPresent");
        await page.FillAsync("#Input_Note", "Første møte");
        await page.ClickAsync("main form[data-testid='plan-update'] button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_CandidatePresent-error")).ToContainTextAsync("hvem som var til stede");
        await Axe.AssertAccessibleAsync(page);
        await page.CheckAsync("#Input_CandidatePresent");
        await page.CheckAsync("#Input_JobSpecialistPresent");
        await page.FillAsync("#Input_NewGoal", "Jobb i butikk, 60 %");
        await page.FillAsync("#Input_StepText", "Oppdatere CV-en");
        await page.SelectOptionAsync("#Input_StepOwner", "1");
        await page.FillAsync("#Input_StepDueDate", Iso(today.AddDays(7)));
        await page.ClickAsync("main form[data-testid='plan-update'] button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/ActionPlans/(Index/)?{id}$"));
        await Assertions.Expect(page.GetByTestId("plan-history")).ToContainTextAsync("kandidaten, jobbspesialisten");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync("/Portfolio");
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = name }).Locator("[data-plan-step]")).ToContainTextAsync("Oppdatere CV-en");
        await page.GotoAsync($"/ActionPlans/Print/{id}");
        await Assertions.Expect(page.Locator("h2[data-print-owner='Candidate']")).ToHaveTextAsync("Dette gjør jeg");
        await Assertions.Expect(page.Locator("nav")).ToHaveCountAsync(0);
        await Axe.AssertAccessibleAsync(page);

        // A three-way meeting with the NAV-veileder, from the candidate page.
        await page.GotoAsync($"/Candidates/Details/{id}");
        await page.ClickAsync($"a[href='/Candidates/Journal/{id}?kind=8']");
        await page.FillAsync("#Input_DurationMinutes", "60");
        await page.FillAsync("#Input_Text", "Trepartsmøte: avtalte jobbsøking i butikk. Privat detalj.");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{id}$"));
        await Assertions.Expect(page.Locator("[data-last-three-way]")).ToHaveTextAsync(NorwegianTime.Format(today));
        await Axe.AssertAccessibleAsync(page);

        // The NAV-veileder sees stage, the next step and the meeting, never the journal text.
        var nav = await fx.LoginAsync("nav1");
        await nav.GotoAsync("/Referrals/Mine");
        await nav.ClickAsync($"a[href='/Referrals/Details/{id}']");
        await Assertions.Expect(nav.GetByTestId("nav-next-step")).ToContainTextAsync("Oppdatere CV-en");
        await Assertions.Expect(nav.GetByTestId("nav-meetings")).ToContainTextAsync("Trepartsmøte");
        await Assertions.Expect(nav.Locator("main")).Not.ToContainTextAsync("Privat detalj");
        await Axe.AssertAccessibleAsync(nav);

        // An employer and a job that started three days ago; the café meeting in the week before the start completes
        // the before-start follow-up (it was not at the workplace).
        var employerId = await EmployerAsync(page, "Butikken " + suffix + " AS");
        await page.GotoAsync($"/Placements/New/{id}");
        await page.SelectOptionAsync("#Input_EmployerId", employerId);
        await page.SelectOptionAsync("#Input_Kind", "3");
        await page.FillAsync("#Input_PositionPercent", "60");
        await page.FillAsync("#Input_StartDate", Iso(today.AddDays(-3)));
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{id}$"));
        await page.GotoAsync($"/Candidates/Journal/{id}");
        await page.FillAsync("#Input_Date", Iso(today.AddDays(-5)));
        await page.SelectOptionAsync("#Input_Kind", "1");
        await page.FillAsync("#Input_DurationMinutes", "45");
        await page.FillAsync("#Input_Text", "Kafé før oppstart: gikk gjennom første arbeidsdag");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{id}$"));
        await page.GotoAsync($"/FollowUps/Index/{id}");
        await Assertions.Expect(page.Locator("tr[data-state='done']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr[data-state='done']")).ToContainTextAsync("Møte før oppstart");

        // The job ends: its open follow-ups close as "jobben avsluttet", and the candidate goes back to stage 3.
        await page.GotoAsync($"/Placements/Index/{id}");
        await page.Locator("a[href^='/Placements/End/']").First.ClickAsync();
        await page.SelectOptionAsync("#Input_Ending", "3");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{id}$"));
        await page.GotoAsync($"/FollowUps/Index/{id}");
        await Assertions.Expect(page.Locator("tr[data-state='planned'], tr[data-state='overdue']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-state='closed']").First).ToContainTextAsync("jobben avsluttet");
        await Axe.AssertAccessibleAsync(page);

        // The metodeveileder schedules a case review; the job specialist records it with tags; the list shows initials.
        var mv = await fx.LoginAsync("mv1");
        await mv.GotoAsync($"/Candidates/Details/{id}");
        await mv.ClickAsync($"a[href='/CaseReviews/New/{id}']");
        await Axe.AssertAccessibleAsync(mv);
        await mv.SelectOptionAsync("#Input_Reason", "2");
        await mv.FillAsync("#Input_Date", Iso(today));
        await mv.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(mv, new Regex("/CaseReviews$"));
        await mv.Locator("tr", new PageLocatorOptions { HasText = "S.P." }).Locator("a").First.ClickAsync();
        await Pages.WaitForUrlAsync(mv, new Regex("/CaseReviews/Details/\\d+$"));
        var reviewUrl = mv.Url;
        await page.GotoAsync(reviewUrl.Replace("/Details/", "/Edit/", StringComparison.Ordinal));
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_WhatHappened", "Sluttet etter tre dager: oppgavene passet ikke");
        await page.FillAsync("#Input_DoDifferently", "Jobbsmak før ansettelse neste gang");
        await page.FillAsync("#Input_Tags", "Jobbsmak" + suffix + ", matching");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/CaseReviews/Details/\\d+$"));
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync("/CaseReviews?tagg=jobbsmak" + suffix);
        await Assertions.Expect(page.GetByTestId("reviews")).ToContainTextAsync("S.P.");
        await Assertions.Expect(page.GetByTestId("reviews")).Not.ToContainTextAsync(name);
        await Axe.AssertAccessibleAsync(page);

        // A later job, discharge to work with a handover, the job lost: taken back with one action.
        await page.GotoAsync($"/Placements/New/{id}");
        await page.SelectOptionAsync("#Input_EmployerId", employerId);
        await page.SelectOptionAsync("#Input_Kind", "4");
        await page.FillAsync("#Input_PositionPercent", "50");
        await page.FillAsync("#Input_StartDate", Iso(today.AddDays(-1)));
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{id}$"));
        await page.GotoAsync($"/Candidates/Discharge/{id}");
        await page.SelectOptionAsync("#Input_Outcome", "1");
        await page.FillAsync("#Input_HandoverAgreed", "NAV-veilederen følger opp etter tre måneder");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{id}$"));
        await page.ClickAsync($"a[href='/Candidates/TakeBack/{id}']");
        await Axe.AssertAccessibleAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_Reason-error")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Reason", "Mistet jobben etter en uke");
        await page.SelectOptionAsync("#Input_Ending", "4");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{id}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trinn 3");
        await Assertions.Expect(page.Locator("[data-taken-back]")).ToContainTextAsync("Mistet jobben etter en uke");
        await Axe.AssertAccessibleAsync(page);
        await nav.GotoAsync($"/Referrals/Details/{id}");
        await Assertions.Expect(nav.GetByTestId("handover")).ToContainTextAsync("NAV-veilederen følger opp etter tre måneder");

        foreach (var p in new[] { page, nav, mv })
        {
            await p.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GroupActivityAndChecks_AreAccessible(bool phone)
    {
        var page = await fx.LoginAsync("js1", phone);
        await CandidateJourneyTests.RegisterAsync(page, "Gruppe" + Guid.NewGuid().ToString("N")[..6]);
        await page.GotoAsync("/Activities/New");
        await Axe.AssertAccessibleAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await Axe.AssertAccessibleAsync(page);
        foreach (var path in new[] { "/Activities", "/Placements/Check", "/CaseReviews" })
        {
            await page.GotoAsync(path);
            await Axe.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }

    private static async Task<string> EmployerAsync(IPage page, string name)
    {
        await page.GotoAsync("/Employers/New");
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_OrganizationNumber", Pages.NewOrganizationNumber());
        await page.SelectOptionAsync("#Input_Sector", "1");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Employers/Details/\\d+$"));
        return page.Url[(page.Url.LastIndexOf('/') + 1)..];
    }
}
