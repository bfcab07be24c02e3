namespace Trinn.E2E;

/// <summary>Every page each role can reach passes axe-core's WCAG 2.1 AA rules, at desktop and phone width.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(BrowserFixture fx)
{
    [Fact]
    public async Task LoginPage_IsAccessible()
    {
        var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Axe.AssertAccessibleAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await Axe.AssertAccessibleAsync(page);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("js1", false)]
    [InlineData("js1", true)]
    [InlineData("mv1", false)]
    public async Task TeamMemberPages_AreAccessible(string user, bool phone)
    {
        var page = await fx.LoginAsync(user, phone);
        await CandidateJourneyTests.RegisterAsync(page, "Axe" + Guid.NewGuid().ToString("N")[..6]);
        var details = page.Url;
        string[] paths =
        [
            "/Portfolio", "/Candidates", "/Referrals/New", "/Account/Profile", details,
            .. new[] { "Edit", "Stage", "Discharge", "Journal", "Agreement", "Profile" }
                .Select(p => details.Replace("/Details/", "/" + p + "/", StringComparison.Ordinal)),
        ];
        if (user == "mv1")
        {
            paths = [.. paths, "/Overview", "/Studies"];
        }

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Axe.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("nav1", new[] { "/Referrals/Mine", "/Referrals/New", "/Account/Profile" })]
    [InlineData("leder1", new[] { "/Overview", "/Account/Profile" })]
    [InlineData("forsker1", new[] { "/Overview", "/Research/Studies" })]
    [InlineData("admin1", new[] { "/Admin", "/Account/Profile", "/Studies", "/Studies/New" })]
    public async Task OtherRolesPages_AreAccessible(string user, string[] paths)
    {
        var page = await fx.LoginAsync(user, phone: true);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Axe.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StudyPages_AreAccessible()
    {
        var name = "Axe-studie " + Guid.NewGuid().ToString("N")[..6];
        var admin = await fx.LoginAsync("admin1", phone: true);
        await admin.GotoAsync("/Studies/New");
        await admin.ClickAsync("main button[type=submit]");
        await Axe.AssertAccessibleAsync(admin);
        await admin.FillAsync("#Input_Name", name);
        await admin.CheckAsync("#Input_WholeOrganisation");
        await admin.ClickAsync("main button[type=submit]");
        await admin.WaitForURLAsync("**/Studies");
        await Axe.AssertAccessibleAsync(admin);
        var row = admin.Locator("tr", new() { HasText = name });
        var enrol = await row.Locator("a[href^='/Studies/Enrol/']").GetAttributeAsync("href");
        var id = enrol!["/Studies/Enrol/".Length..];
        foreach (var path in new[] { enrol, "/Studies/Export/" + id })
        {
            await admin.GotoAsync(path);
            await Axe.AssertAccessibleAsync(admin);
        }

        // A forsker sees a study only once an admin has ticked them on the study's access page.
        await admin.GotoAsync("/Studies");
        await admin.Locator("tr", new() { HasText = name }).Locator("a[href^='/Studies/Researchers/']").ClickAsync();
        await Axe.AssertAccessibleAsync(admin);
        await admin.GetByLabel("E2E forsker1 (forsker1)").CheckAsync();
        await admin.ClickAsync("main button[type=submit]");
        await admin.Locator("main [role=status]").WaitForAsync();
        await Axe.AssertAccessibleAsync(admin);
        await admin.Context.CloseAsync();
        var forsker = await fx.LoginAsync("forsker1", phone: true);
        foreach (var path in new[] { "/Research/Studies", "/Research/Export/" + id })
        {
            await forsker.GotoAsync(path);
            await Axe.AssertAccessibleAsync(forsker);
        }

        await forsker.Context.CloseAsync();
    }
}
