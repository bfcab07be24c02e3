using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Trinn.E2E.EveryPage;

/// <summary>
/// Visits every page of the app as a role of the demo installation that may open it, at desktop (1280 px) and phone (390 px)
/// width, and also at 320 px, the narrowest phone a page must fit. A page fails on a console error (a blocked font,
/// a missing file, a script error), a request to another origin, a page that scrolls sideways, anything that leaves
/// its box (<see cref="LayoutProbe"/>), or an axe WCAG 2.1 AA violation. The pages come from the app's endpoint data
/// source, so a page added later is visited without a change here (see <see cref="PageCatalog"/>).
/// Set TRINN_E2E_SCREENSHOTS to a folder to keep a full-page screenshot of every visit and a table of the measures.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class EveryPageTests(BrowserFixture fx, ITestOutputHelper output)
{
    private const string Anonymous = "anonym";

    private static readonly int[] Widths = [1280, 390, 320];

    /// <summary>axe's rules do not change between the two phone widths; it runs at desktop and phone width.</summary>
    private static readonly int[] AxeWidths = [1280, 390];

    /// <summary>
    /// Pages axe has checked (at both widths) as an earlier role: the markup is the same template for every role, so
    /// axe runs once per page and width, as the first role that opens it; the layout checks still run for every role.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Axed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pages already checked, and as whom.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Visited = new(StringComparer.OrdinalIgnoreCase);

    public static TheoryData<string> Users => [.. PageCatalog.Users.Select(u => u ?? Anonymous)];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPage_EachRoleAtEveryWidth_NoConsoleErrorNoSidewaysScrollNothingOutsideItsBox(string user)
    {
        var site = await fx.DemoSiteAsync();
        var userName = user == Anonymous ? null : user;
        var visits = await PageCatalog.PlanAsync(site, userName);
        Assert.NotEmpty(visits);
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = Widths[0], Height = 900 },
            Locale = "nb-NO",
        });
        try
        {
            if (userName is not null)
            {
                await SignInAsync(context, userName);
            }

            var problems = new List<string>();
            var table = new StringBuilder();
            var page = await context.NewPageAsync();
            var heard = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") { heard.Add("console: " + m.Text); } };
            page.PageError += (_, e) => heard.Add("script error: " + e);
            page.Request += (_, r) =>
            {
                if (!r.Url.StartsWith(site.BaseUrl + "/", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    heard.Add("request to another origin: " + r.Url);
                }
            };
            // Each page is checked once, as the first role that opens it (the template is the same for every role); every
            // role still opens its first page, so each role's header menu is measured at every width.
            var mine = visits.Where((v, i) => i == 0 || Visited.TryAdd(v.Page, user)).ToList();
            foreach (var visit in mine)
            {
                heard.Clear();
                await VisitAsync(page, visit, user, problems, table, heard);
            }

            Report(user, table, problems);
            Assert.True(problems.Count == 0, $"{problems.Count} problem(s) as {user} on {mine.Count} pages:\n" + string.Join("\n", problems));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task EveryPage_IsVisitedByARoleOrExcludedWithAReason()
    {
        var site = await fx.DemoSiteAsync();
        var pages = PageCatalog.All(site.Services);
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in PageCatalog.Users)
        {
            visited.UnionWith((await PageCatalog.PlanAsync(site, user)).Select(v => v.Page));
        }

        var unmapped = pages.SelectMany(p => p.Parameters.Where(x => PageCatalog.RowFor(p, x) is null).Select(x => $"{p.Template}: {{{x}}}"));
        var missed = pages.Where(p => !visited.Contains(p.Page) && !PageCatalog.Excluded.ContainsKey(p.Page)).Select(p => p.Template);
        var stale = PageCatalog.Excluded.Keys.Concat(PageCatalog.IdOfPage.Keys).Where(k => !pages.Any(p => string.Equals(p.Page, k, StringComparison.OrdinalIgnoreCase)));

        Assert.True(pages.Count >= 40, $"Only {pages.Count} pages found in the endpoint data source.");
        Assert.True(!missed.Any(), "Pages no role visits: give each route parameter a row in PageCatalog.IdOfPage/ByParameter "
            + "(and make sure the demo data has one the role can open), or add the page to PageCatalog.Excluded with the reason:\n"
            + string.Join("\n", missed) + (unmapped.Any() ? "\nParameters without a demo row: " + string.Join(", ", unmapped) : ""));
        Assert.True(!stale.Any(), "PageCatalog names pages that no longer exist: " + string.Join(", ", stale));
    }

    private static async Task SignInAsync(IBrowserContext context, string userName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", DemoSite.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("form.trinn-logout").CountAsync() == 0)
        {
            throw new Xunit.Sdk.XunitException($"Sign-in as {userName} failed at {page.Url}: " + await page.Locator("main").InnerTextAsync());
        }

        await page.CloseAsync();
    }

    private static async Task VisitAsync(IPage page, Visit visit, string user, List<string> problems, StringBuilder table, List<string> heard)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await page.GotoAsync(visit.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var landed = new Uri(page.Url).AbsolutePath;
        var expected = PageCatalog.StatusOf(visit.Page);
        if (response is null || response.Status != expected || !string.Equals(landed, visit.Url, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{visit.Url}: answered {response?.Status} at {landed} (the page policy lets {user} in, so it should show)");
            return;
        }

        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        var loadMs = clock.ElapsedMilliseconds;
        var axe = Axed.TryAdd(visit.Page, true);
        foreach (var width in Widths)
        {
            clock.Restart();
            await page.SetViewportSizeAsync(width, 900);
            // Let resize observers (Chart.js redraws its canvas) run before measuring.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))");
            var report = await LayoutProbe.MeasureAsync(page);
            var probeMs = clock.ElapsedMilliseconds;
            var where = $"{visit.Url} at {width} px";
            if (report.Sideways > 1)
            {
                problems.Add($"{where}: the page scrolls sideways by {report.Sideways:0} px");
            }

            problems.AddRange(report.Findings.Take(8).Select(f => $"{where}: {f.Kind} by {f.Px:0} px: {f.Where} «{f.Text}»"));
            if (report.Findings.Count > 8)
            {
                problems.Add($"{where}: … and {report.Findings.Count - 8} more");
            }

            clock.Restart();
            if (axe && AxeWidths.Contains(width))
            {
                try
                {
                    await Axe.AssertAccessibleAsync(page);
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    problems.Add($"{where}: {e.Message}");
                }
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"{user}\t{visit.Page}\t{width}\t{report.Sideways:0}\t{report.Findings.Count}\t{loadMs}\t{probeMs}\t{clock.ElapsedMilliseconds}");
            loadMs = 0;
            await ScreenshotAsync(page, user, visit, width);
        }

        // A page that answers 403 on purpose (access denied) makes Chromium log its own status; nothing else may.
        var ownStatus = $"console: Failed to load resource: the server responded with a status of {expected} ";
        problems.AddRange(heard.Distinct().Where(h => expected == 200 || !h.StartsWith(ownStatus, StringComparison.Ordinal)).Select(h => $"{visit.Url}: {h}"));
    }

    private static async Task ScreenshotAsync(IPage page, string user, Visit visit, int width)
    {
        if (Environment.GetEnvironmentVariable("TRINN_E2E_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        var file = Path.Combine(folder, user, visit.Page.Trim('/').Replace('/', '_') + "-" + width.ToString(CultureInfo.InvariantCulture) + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    private void Report(string user, StringBuilder table, List<string> problems)
    {
        output.WriteLine("user\tpage\twidth\tsideways px\tfindings\tload ms\tlayout ms\taxe ms");
        output.WriteLine(table.ToString());
        if (Environment.GetEnvironmentVariable("TRINN_E2E_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, user + ".tsv"), table.ToString());
            File.WriteAllLines(Path.Combine(folder, user + ".problems.txt"), problems);
        }
    }
}
