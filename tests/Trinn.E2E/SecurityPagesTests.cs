using Microsoft.Playwright;

namespace Trinn.E2E;

/// <summary>The pages of issue 10 in Chromium: API tokens with scope and expiry, and an admin's page for one user.</summary>
[Collection(BrowserTests.Name)]
public sealed class SecurityPagesTests(BrowserFixture fx)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Profile_CreateReadOnlyToken_ShownOnceWithScopeAndExpiry(bool phone)
    {
        var page = await fx.LoginAsync("js2", phone);
        await page.GotoAsync("/Account/Profile");
        await Axe.AssertAccessibleAsync(page);
        var name = "Rapport " + Guid.NewGuid().ToString("N")[..6];

        await page.FillAsync("#Input_Name", name);
        await page.SelectOptionAsync("#Input_Scope", new SelectOptionValue { Label = "Bare lese" });
        await page.ClickAsync("form[action*='handler=Create'] button[type=submit]");

        await Assertions.Expect(page.GetByTestId("new-token")).ToContainTextAsync("trinn_");
        var row = page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("Bare lese");
        await Axe.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The profile page scrolls sideways.");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AdminUserPage_FromTheUserList_ShowsStatusAndRoleForm(bool phone)
    {
        var page = await fx.LoginAsync("admin1", phone);
        await page.GotoAsync("/Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "leder1", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Admin/Edit/**");

        await Assertions.Expect(page.GetByTestId("user-status")).ToContainTextAsync("Aktiv");
        await Assertions.Expect(page.Locator("#Input_Role")).ToHaveValueAsync("Leder");
        await Axe.AssertAccessibleAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The user page scrolls sideways.");
        await page.Context.CloseAsync();
    }
}
