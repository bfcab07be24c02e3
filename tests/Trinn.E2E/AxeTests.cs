namespace Trinn.E2E;

/// <summary>The in-page axe runner finds what axe finds: a check that cannot fail would pass every page.</summary>
[Collection(BrowserTests.Name)]
public sealed class AxeTests(BrowserFixture fx)
{
    [Fact]
    public async Task AxeRunner_ImageWithoutTextAndUnlabelledField_Reported_CleanPagePasses()
    {
        var context = await fx.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!doctype html><html lang=\"nb\"><head><title>Prøve</title></head><body><main><h1>Prøve</h1>"
            + "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input type=\"text\"></main></body></html>");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Axe.AssertAccessibleAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        // Run again on the same page (axe already injected), after fixing both: nothing to report.
        await page.EvaluateAsync("() => { document.querySelector('img').alt = 'Logo'; document.querySelector('input').setAttribute('aria-label', 'Navn'); }");
        await Axe.AssertAccessibleAsync(page);
        await context.CloseAsync();
    }

    [Fact]
    public async Task AxeRunner_WorksUnderTrinnsContentSecurityPolicy()
    {
        var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await Axe.AssertAccessibleAsync(page);

        await page.EvaluateAsync("() => document.querySelector('main').append(document.createElement('select'))");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Axe.AssertAccessibleAsync(page));
        Assert.Contains("select-name", failure.Message, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
