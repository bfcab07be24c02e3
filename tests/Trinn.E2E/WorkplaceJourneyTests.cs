using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Trinn.Web.Infrastructure;

namespace Trinn.E2E;

/// <summary>
/// Stages 3–5 in the browser: employer, referral, the candidate's wishes and a job opportunity that fits them (seen from
/// both sides), a too-long jobbsmak, a paid job with wage subsidy, the planned follow-ups, a workplace visit, the wage
/// subsidy marked reviewed, an employer contact (refused until the candidate consents to it), editing it and the time carried from it, and discharge to work —
/// checking the warnings on the way and axe on every page.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class WorkplaceJourneyTests(BrowserFixture fx)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Referral_Jobbsmak_PaidJobWithWageSubsidy_FollowUps_DischargeToWork()
    {
        var today = NorwegianTime.Today(TimeProvider.System);
        var page = await fx.LoginAsync("js1");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var name = "Vilde" + suffix;
        var employerName = "Butikken " + suffix + " AS";

        // Employer: a wrong control digit is refused at the field, then the register takes it.
        await page.GotoAsync("/Employers/New");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Name", employerName);
        await page.FillAsync("#Input_OrganizationNumber", "123456789");
        await page.SelectOptionAsync("#Input_Sector", "1");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_OrganizationNumber-error")).ToContainTextAsync("kontrollsifferet");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_OrganizationNumber", Pages.NewOrganizationNumber());
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Employers/Details/\\d+$"));
        await Axe.AssertAccessibleAsync(page);
        var employerId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // Referral with js1 as the job specialist.
        await page.GotoAsync("/Referrals/New");
        await page.FillAsync("#Input_FirstName", name);
        await page.FillAsync("#Input_LastName", "Arbeidsdal");
        await page.FillAsync("#Input_NationalId", Pages.NewNationalId());
        await page.SelectOptionAsync("#Input_ReferredById", new SelectOptionValue { Label = "E2E nav1" });
        await page.SelectOptionAsync("#Input_Innsatsgruppe", "2");
        await page.FillAsync("#Input_Reason", "Ønsker jobb i butikk");
        await page.SelectOptionAsync("#Input_PrimarySpecialistId", new SelectOptionValue { Label = "E2E js1" });
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Candidates/Details/\\d+$"));
        var candidateId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Axe.AssertAccessibleAsync(page);

        // The candidate's wishes, with hours per week as numbers, then a job opportunity at the employer that fits them.
        await page.GotoAsync($"/Candidates/Profile/{candidateId}");
        await page.FillAsync("#Input_PreferredIndustries", "Butikk, lager");
        await page.FillAsync("#Input_PreferredHoursMin", "30");
        await page.FillAsync("#Input_PreferredHoursMax", "20");
        await page.FillAsync("#Input_PreferredPlaces", "Oslo");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_PreferredHoursMax-error")).ToContainTextAsync("Høyeste antall timer");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_PreferredHoursMin", "20");
        await page.FillAsync("#Input_PreferredHoursMax", "30");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{candidateId}$"));
        await page.GotoAsync($"/Employers/Details/{employerId}");
        await page.ClickAsync($"a[href='/Opportunities/New/{employerId}']");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Title", "Butikkmedarbeider " + suffix);
        await page.FillAsync("#Input_Tasks", "Fylle på varer og hjelpe kunder");
        await page.FillAsync("#Input_HoursPerWeek", "0");
        await page.FillAsync("#Input_Place", "Oslo sentrum");
        await page.FillAsync("#Input_Industry", "Butikk");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_HoursPerWeek-error")).ToContainTextAsync("mellom 1 og 60");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_HoursPerWeek", "24");
        await page.FillAsync("#Input_HoursNote", "formiddag");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Opportunities/Details/\\d+$"));
        var opportunityId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var match = page.Locator($"[data-match-candidate='{candidateId}']");
        await Assertions.Expect(match).ToContainTextAsync(name);
        await Assertions.Expect(match).ToContainTextAsync("Arbeidstid passer");
        await Axe.AssertAccessibleAsync(page);
        await match.Locator("a").First.ClickAsync();
        await Pages.WaitForUrlAsync(page, new Regex($"/Opportunities/Candidate/{candidateId}$"));
        await Assertions.Expect(page.Locator($"[data-match-opportunity='{opportunityId}']")).ToContainTextAsync("Bransje passer");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/Opportunities/Edit/{opportunityId}");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync("/Opportunities");
        await Assertions.Expect(page.Locator($"[data-opportunity='{opportunityId}']")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        // A jobbsmak of five days: registered, with a warning.
        await page.GotoAsync($"/Candidates/Details/{candidateId}");
        await page.ClickAsync($"a[href='/Placements/Index/{candidateId}']");
        await Axe.AssertAccessibleAsync(page);
        await page.ClickAsync($"a[href='/Placements/New/{candidateId}']");
        await Axe.AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#Input_EmployerId", employerId);
        await page.SelectOptionAsync("#Input_Kind", "1");
        await page.FillAsync("#Input_StartDate", Iso(today.AddDays(-50)));
        await page.FillAsync("#Input_EndDate", Iso(today.AddDays(-46)));
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{candidateId}$"));
        await Assertions.Expect(page.Locator("[data-warning='jobbsmak-long']")).ToContainTextAsync("Jobbsmaken varer 5 dager");
        await Axe.AssertAccessibleAsync(page);

        // A paid job: the candidate moves to stage 4 and the follow-ups are planned.
        await page.GotoAsync($"/Placements/New/{candidateId}");
        await page.SelectOptionAsync("#Input_EmployerId", employerId);
        await page.SelectOptionAsync("#Input_Kind", "3");
        await page.FillAsync("#Input_PositionPercent", "80");
        await page.FillAsync("#Input_StartDate", Iso(today.AddDays(-40)));
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{candidateId}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trinn 4");

        // Wage subsidy whose review date has passed.
        await page.Locator("a[href^='/Placements/Measure/']").First.ClickAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#Input_Kind", "1");
        await page.FillAsync("#Input_FromDate", Iso(today.AddDays(-40)));
        await page.FillAsync("#Input_Percent", "50");
        await page.FillAsync("#Input_NextReviewDate", Iso(today.AddDays(-5)));
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{candidateId}$"));
        await Assertions.Expect(page.Locator("[data-warning='wage-subsidy-review']")).ToHaveCountAsync(1);

        // Min portefølje warns about the subsidy and the overdue follow-ups.
        await page.GotoAsync("/Portfolio");
        await Axe.AssertAccessibleAsync(page);
        var warnings = page.Locator("#workplace-warnings + ul");
        await Assertions.Expect(warnings.Locator("[data-warning='WageSubsidyReview']", new LocatorLocatorOptions { HasText = name })).ToHaveCountAsync(1);
        await Assertions.Expect(warnings.Locator("[data-warning='FollowUpOverdue']", new LocatorLocatorOptions { HasText = name }).First).ToBeVisibleAsync();

        // The plan; a workplace visit note completes the follow-up whose window holds its date.
        await page.GotoAsync($"/FollowUps/Index/{candidateId}");
        await Axe.AssertAccessibleAsync(page);
        await Assertions.Expect(page.Locator("tr[data-state='done']")).ToHaveCountAsync(0);
        await page.GotoAsync($"/Candidates/Journal/{candidateId}");
        await page.SelectOptionAsync("#Input_Kind", "5");
        await page.SelectOptionAsync("#Input_Place", "2");
        await page.FillAsync("#Input_DurationMinutes", "45");
        await page.FillAsync("#Input_Text", "Besøk på arbeidsplassen");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{candidateId}$"));
        await page.GotoAsync($"/FollowUps/Index/{candidateId}");
        await Assertions.Expect(page.Locator("tr[data-state='done']")).ToHaveCountAsync(1);

        // The subsidy is reviewed from the warning: bad dates are refused at the fields, then the warning goes.
        await page.GotoAsync("/Portfolio");
        await warnings.Locator("[data-warning='WageSubsidyReview']", new LocatorLocatorOptions { HasText = name }).Locator("a[data-review]").ClickAsync();
        await Pages.WaitForUrlAsync(page, new Regex("/Placements/Review/\\d+$"));
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_LastReviewedOn", Iso(today));
        await page.FillAsync("#Input_NextReviewDate", Iso(today));
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_NextReviewDate-error")).ToContainTextAsync("etter denne revurderingen");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_NextReviewDate", Iso(today.AddMonths(3)));
        await page.FillAsync("#Input_ReviewNote", "Fortsetter med 50 %");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Placements/(Index/)?{candidateId}$"));
        await Assertions.Expect(page.Locator("[data-warning='wage-subsidy-review']")).ToHaveCountAsync(0);
        await page.GotoAsync("/Portfolio");
        await Assertions.Expect(page.Locator("[data-warning='WageSubsidyReview']", new PageLocatorOptions { HasText = name })).ToHaveCountAsync(0);

        // An employer contact about support measures is registered (a missing purpose is refused first).
        await page.GotoAsync($"/Employers/Contact/{employerId}");
        await Axe.AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#Input_Kind", "2");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_Purpose-error")).ToContainTextAsync("Fyll ut Formål.");
        await Axe.AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#Input_Purpose", "6");
        await page.FillAsync("#Input_DurationMinutes", "30");
        await Assertions.Expect(page.Locator($"[data-no-consent='{candidateId}']")).ToBeVisibleAsync();
        await page.CheckAsync($"#cand-{candidateId}");
        await page.ClickAsync("main button[type=submit]");

        // Without the candidate's consent to employer contact (no agreement yet) the contact is refused at the list of candidates.
        await Assertions.Expect(page.Locator("#Input_CandidateIds-error")).ToContainTextAsync(name + " Arbeidsdal har ikke samtykket");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/Candidates/Agreement/{candidateId}");
        await page.FillAsync("#Input_Agreed", "Finne jobb i butikk");
        await page.CheckAsync("#Input_ConsentEmployerContact");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{candidateId}$"));
        await page.GotoAsync($"/Employers/Contact/{employerId}");
        await page.SelectOptionAsync("#Input_Kind", "2");
        await page.SelectOptionAsync("#Input_Purpose", "6");
        await page.FillAsync("#Input_DurationMinutes", "30");
        await Assertions.Expect(page.Locator($"[data-no-consent='{candidateId}']")).ToHaveCountAsync(0);
        await page.CheckAsync($"#cand-{candidateId}");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Employers/Details/{employerId}$"));
        await page.GotoAsync("/Portfolio");
        await Assertions.Expect(page.Locator("[data-warning='WageSubsidyReview']", new PageLocatorOptions { HasText = name })).ToHaveCountAsync(0);

        // The contact's time is carried into the log, then the contact is edited and the time follows.
        await page.GotoAsync("/TimeLog");
        await page.Locator("[data-carry^='contact-'] button").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-edit-block]")).Not.ToHaveCountAsync(0);
        await page.GotoAsync($"/Employers/Details/{employerId}");
        await page.Locator("a[data-edit-contact]").First.ClickAsync();
        await Pages.WaitForUrlAsync(page, new Regex("/Employers/ContactEdit/\\d+$"));
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_DurationMinutes", "35");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Employers/Details/{employerId}$"));
        await page.GotoAsync("/TimeLog");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("35");
        await page.Locator("a[data-edit-block]").First.ClickAsync();
        await Pages.WaitForUrlAsync(page, new Regex("/TimeLog/Edit/\\d+$"));
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync("/TimeLog");
        await page.Locator("a[data-delete-block]").First.ClickAsync();
        await Pages.WaitForUrlAsync(page, new Regex("/TimeLog/Delete/\\d+$"));
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/Employers/Details/{employerId}");
        await page.Locator("a[data-delete-contact]").First.ClickAsync();
        await Pages.WaitForUrlAsync(page, new Regex("/Employers/ContactDelete/\\d+$"));
        await Assertions.Expect(page.Locator("[data-consequence='time-block']")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);

        await page.GotoAsync("/Employers/Week");
        await Axe.AssertAccessibleAsync(page);
        await Assertions.Expect(page.Locator("[data-rule='employer-contacts']")).ToContainTextAsync("Kvalitetsveileder");
        await page.GotoAsync("/Employers");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync($"/Duration/Index/{candidateId}");
        await Axe.AssertAccessibleAsync(page);
        await page.GotoAsync("/FollowUps/Calendar");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("[data-feed-url]")).ToContainTextAsync("/FollowUps/Feed/");
        await Axe.AssertAccessibleAsync(page);

        // The visit's 45 minutes are carried into the time log without typing them again.
        await page.GotoAsync("/TimeLog");
        await Axe.AssertAccessibleAsync(page);
        await page.Locator("[data-carry^='note-'] button").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-share]")).ToContainTextAsync("% ute av kontoret");
        await Assertions.Expect(page.Locator("[data-rule='out-of-office']")).ToContainTextAsync("misforstått som 60 %");

        // Discharge to ordinary work.
        await page.GotoAsync($"/Candidates/Discharge/{candidateId}");
        await page.SelectOptionAsync("#Input_Outcome", "1");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex($"/Candidates/Details/{candidateId}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ordinært arbeid", new LocatorAssertionsToContainTextOptions { IgnoreCase = true });
        await page.GotoAsync("/Portfolio");
        await Assertions.Expect(page.Locator("#workplace-warnings + ul li", new PageLocatorOptions { HasText = name })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
