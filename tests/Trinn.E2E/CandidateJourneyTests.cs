using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Trinn.E2E;

[Collection(BrowserTests.Name)]
public sealed partial class CandidateJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task Jobbspesialist_RegistersProfilesAndMovesCandidate_SeesItOnMinPortefolje()
    {
        var page = await fx.LoginAsync("js1");
        var name = "Eline" + Guid.NewGuid().ToString("N")[..6];
        var nationalId = Pages.NewNationalId();

        // Referral, first with a mistake in the national ID: the message appears at the field and nothing is saved.
        await page.GotoAsync("/Referrals/New");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_FirstName", name);
        await page.FillAsync("#Input_LastName", "Testesen");
        await page.FillAsync("#Input_NationalId", nationalId[..10] + (char)('0' + ((nationalId[10] - '0' + 1) % 10)));
        await page.SelectOptionAsync("#Input_ReferredById", new SelectOptionValue { Label = "E2E nav1" });
        await page.SelectOptionAsync("#Input_Innsatsgruppe", "2");
        await page.FillAsync("#Input_Reason", "Ønsker jobb i butikk");
        await page.SelectOptionAsync("#Input_PrimarySpecialistId", new SelectOptionValue { Label = "E2E js1" });
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_NationalId-error")).ToContainTextAsync("kontrollsifrene");
        await Axe.AssertAccessibleAsync(page);

        await page.FillAsync("#Input_NationalId", nationalId);
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Candidates/Details/\\d+$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trinn 1");
        await Axe.AssertAccessibleAsync(page);
        var detailsUrl = page.Url;

        // Stage 1: the cooperation agreement.
        await page.ClickAsync("a[href^='/Candidates/Agreement/']");
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Agreed", "Finne jobb i butikk, møtes hver uke");
        await page.CheckAsync("#Input_ConsentEmployerContact");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex(Regex.Escape(detailsUrl) + "$"));

        // Stage 2: the vocational profile.
        await page.GotoAsync(detailsUrl.Replace("/Details/", "/Profile/", StringComparison.Ordinal));
        await Axe.AssertAccessibleAsync(page);
        await page.FillAsync("#Input_Interests", "Kundebehandling");
        await page.FillAsync("#Input_Friskfaktorer", "Faste rammer");
        await page.FillAsync("#Input_PreferredIndustries", "Varehandel");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex(Regex.Escape(detailsUrl) + "$"));
        await Assertions.Expect(page.GetByTestId("profile-updated")).ToContainTextAsync("versjon 1");

        // Forward to 2 and 3, then back to 2.
        await MoveAsync(page, detailsUrl, "2", "Samarbeidsavtale signert");
        await MoveAsync(page, detailsUrl, "3", "Profil ferdig");
        await MoveAsync(page, detailsUrl, "2", "Ny diagnose, må kartlegge på nytt");
        var timeline = page.GetByTestId("stage-timeline").Locator("li");
        await Assertions.Expect(timeline).ToHaveCountAsync(4);
        await Assertions.Expect(timeline.Nth(3)).ToContainTextAsync("Tilbake fra Trinn 3");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Trinn 2 – Yrkeskartlegging");

        await page.GotoAsync("/Portfolio");
        await Axe.AssertAccessibleAsync(page);
        var row = page.Locator("tr", new PageLocatorOptions { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("Trinn 2");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MoveStage_WithoutReason_ShowsFieldErrorInErrorSummary()
    {
        var page = await fx.LoginAsync("js2");
        var name = "Tor" + Guid.NewGuid().ToString("N")[..6];
        await RegisterAsync(page, name);
        var stageUrl = page.Url.Replace("/Details/", "/Stage/", StringComparison.Ordinal);
        await page.GotoAsync(stageUrl);
        await page.SelectOptionAsync("#Input_ToStage", "2");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#Input_Reason-error")).ToContainTextAsync("Fyll ut");
        await Assertions.Expect(page.Locator(".aksel-error-summary a[href='#Input_Reason']")).ToBeVisibleAsync();
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    private static async Task MoveAsync(IPage page, string detailsUrl, string stage, string reason)
    {
        await page.GotoAsync(detailsUrl.Replace("/Details/", "/Stage/", StringComparison.Ordinal));
        await Axe.AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#Input_ToStage", stage);
        await page.FillAsync("#Input_Reason", reason);
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex(Regex.Escape(detailsUrl) + "$"));
    }

    internal static async Task RegisterAsync(IPage page, string firstName)
    {
        await page.GotoAsync("/Referrals/New");
        await page.FillAsync("#Input_FirstName", firstName);
        await page.FillAsync("#Input_LastName", "Testesen");
        await page.FillAsync("#Input_NationalId", Pages.NewNationalId());
        await page.SelectOptionAsync("#Input_ReferredById", new SelectOptionValue { Label = "E2E nav1" });
        await page.SelectOptionAsync("#Input_Innsatsgruppe", "1");
        await page.FillAsync("#Input_Reason", "Vil i jobb");
        await page.ClickAsync("main button[type=submit]");
        await Pages.WaitForUrlAsync(page, new Regex("/Candidates/Details/\\d+$"));
    }
}
