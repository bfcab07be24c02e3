using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Trinn.E2E;

/// <summary>
/// Runs axe-core (the copy shipped in Deque.AxeCore.Commons) in the page itself and fails on WCAG 2.1 A/AA violations.
/// Deque's Playwright binding runs axe frame by frame and then finishes the run in a new blank page, which costs about
/// 1.5 s per check whatever the page; this page has no frames, so one <c>axe.run</c> in the page gives the same
/// violations at a fraction of the time, and axe is injected once per page load, not once per check.
/// </summary>
internal static class Axe
{
    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
            iframes: false,
          });
          return result.violations.map(v => v.id + ' (' + (v.impact ?? '') + '): ' + v.nodes.map(n => n.target.join(' ')).join(' | '));
        }
        """;

    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not in Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Fails with the rule ids and the offending elements when the page breaks WCAG 2.1 A/AA rules axe can check.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var problems = await page.EvaluateAsync<string[]>(Run);
        Assert.True(problems.Length == 0, $"axe found WCAG 2.1 AA violations on {page.Url}:\n" + string.Join("\n", problems));
    }
}
