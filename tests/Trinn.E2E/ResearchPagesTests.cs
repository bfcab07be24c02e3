using Microsoft.Playwright;

namespace Trinn.E2E;

/// <summary>
/// forsker1 in Chromium: uploads a CSV, runs a repeated-measures ANOVA, reads the APA sentence, and uses the power
/// calculator; both pages pass axe's WCAG 2.1 AA rules at desktop and phone width.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ResearchPagesTests(BrowserFixture fx)
{
    // Five people at two time points: F(1, 4) = 11.25, Wilks' Λ = 4/15.25, p = .0285 (see the web tests' TimeCsv).
    private const string TimeCsv = "id,t0,t3\n1,7,6.5\n2,9,6.5\n3,6,5.5\n4,8,5.5\n5,5,3.5\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Forsker_UploadsAndRunsRepeatedMeasures_ReadsApaSentence(bool phone)
    {
        var page = await fx.LoginAsync("forsker1", phone);
        await page.GotoAsync("/Research");
        if (await page.Locator("[data-testid=data-file]").CountAsync() > 0)
        {
            // forsker1's upload from another test is still kept: start from the empty page.
            await page.ClickAsync("form[action*=Remove] button");
            await page.WaitForSelectorAsync("[data-testid=upload-form]");
        }

        await Axe.AssertAccessibleAsync(page);

        await page.SetInputFilesAsync("#DataFile", new FilePayload { Name = "tid.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(TimeCsv) });
        await page.ClickAsync("[data-testid=upload-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=data-file]");
        Assert.Equal("tid.csv", await page.InnerTextAsync("[data-testid=data-file]"));

        await page.SelectOptionAsync("#Input_Analysis", "rm_anova_oneway_within");
        await page.ClickAsync("form.trinn-filter button[type=submit]");
        await page.CheckAsync("label:has-text('t0')");
        await page.CheckAsync("label:has-text('t3')");
        await page.SelectOptionAsync("#Input_Subject", "id");
        await page.ClickAsync("[data-testid=analysis-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=result]");

        var sentence = await page.InnerTextAsync("#apa-0");
        Assert.Equal("Det var en signifikant effekt av tid, Wilks' Λ = 0,26, F(1, 4) = 11,25, p = ,028, multivariat partiell η² = 0,74.", sentence.Trim());
        Assert.True(await page.IsVisibleAsync("button[data-copy-target=apa-0]"), "the Kopier button appears with JavaScript");
        Assert.Contains("7,00 (1,58)", await page.InnerTextAsync("[data-testid=table3]"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);

        // A bad file keeps the page and names the problem at the field.
        await page.ClickAsync("details.trinn-details summary");
        await page.SetInputFilesAsync("#DataFile", new FilePayload { Name = "semikolon.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes("a;b\n1;2\n") });
        await page.ClickAsync("[data-testid=upload-form] button[type=submit]");
        await page.WaitForSelectorAsync("#DataFile-error");
        Assert.Contains("semikolon", await page.InnerTextAsync("#DataFile-error"), StringComparison.Ordinal);
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Forsker_PowerPage_ReportCaseAndChart(bool phone)
    {
        var page = await fx.LoginAsync("forsker1", phone);
        await page.GotoAsync("/Research/Power");
        Assert.Equal("30", (await page.InnerTextAsync("[data-testid=required-n]")).Trim());
        await page.WaitForSelectorAsync(".trinn-chart--drawn canvas");
        await Axe.AssertAccessibleAsync(page);

        await page.FillAsync("#Input_Alpha", "2");
        await page.ClickAsync("[data-testid=power-form] button[type=submit]");
        await page.WaitForSelectorAsync("#Input_Alpha-error");
        await Axe.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Leder_OpensResearch_AccessDenied()
    {
        var page = await fx.LoginAsync("leder1");
        await page.GotoAsync("/Research");
        Assert.Contains("/Account/AccessDenied", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
