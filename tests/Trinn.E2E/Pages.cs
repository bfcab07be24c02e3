using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Trinn.E2E;

internal static class Pages
{
    /// <summary>Waits for a navigation; on timeout the failure names the field errors the page shows instead.</summary>
    public static async Task WaitForUrlAsync(IPage page, Regex url)
    {
        try
        {
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".aksel-error-message, .aksel-error-summary").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"Expected {url} but stayed on {page.Url}. Errors shown: {string.Join(" | ", errors)}");
        }
    }
}
