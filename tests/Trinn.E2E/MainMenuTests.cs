using Microsoft.Playwright;

namespace Trinn.E2E;

/// <summary>The header menu by keyboard and at phone width: each group opens, its panel fits the screen, Escape closes it.</summary>
[Collection(BrowserTests.Name)]
public sealed class MainMenuTests(BrowserFixture fx)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MainMenu_Keyboard_OpensEachGroupInsideTheScreenAndEscapeReturnsFocus(bool phone)
    {
        var page = await fx.LoginAsync("mv1", phone);
        await page.GotoAsync("/Candidates");
        var width = page.ViewportSize!.Width;
        var groups = page.Locator("nav.trinn-nav details[data-menu] > summary");
        var count = await groups.CountAsync();
        Assert.InRange(count, 3, 6);

        for (var i = 0; i < count; i++)
        {
            var summary = groups.Nth(i);
            await summary.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var panel = page.Locator("nav.trinn-nav details[open] .trinn-menu__panel");
            await Assertions.Expect(panel).ToBeVisibleAsync();
            var box = (await panel.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"Menu {i} spans {box.X}–{box.X + box.Width} px on a {width} px screen.");
            Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth"));
            await Axe.AssertAccessibleAsync(page);

            // Tab reaches the first link; Escape closes the menu and puts focus back on its button.
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await panel.Locator("a").First.EvaluateAsync<bool>("a => a === document.activeElement"));
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(panel).ToHaveCountAsync(0);
            Assert.True(await summary.EvaluateAsync<bool>("s => s === document.activeElement"));
        }

        // Opening one group closes the other.
        await groups.Nth(0).ClickAsync();
        await groups.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("nav.trinn-nav details[open]")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task MainMenu_SignOut_IsInTheUserMenu()
    {
        var page = await fx.LoginAsync("js1", phone: true);
        await page.ClickAsync("details.trinn-menu--user > summary");
        await page.ClickAsync("form.trinn-logout button[type=submit]");
        await page.WaitForURLAsync("**/Account/Login");
        await page.GotoAsync("/Portfolio");
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
