using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Trinn.E2E;

internal static class Pages
{
    /// <summary>
    /// Waits for a navigation; on timeout the failure names the field errors the page shows instead. The address is
    /// awaited at commit and the page's load event apart with a longer timeout: under the full test run's load the load
    /// event of a page already at the right address once came after the 10 seconds, and the test failed as if the form
    /// had been refused.
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, Regex url)
    {
        try
        {
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 15_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".aksel-error-message, .aksel-error-summary").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"Expected {url} but stayed on {page.Url}. Errors shown: {string.Join(" | ", errors)}");
        }

        await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 45_000 });
    }

    /// <summary>
    /// A valid organisation number (modulus 11) no other test has used: the browser tests share one demo site, and a
    /// team may register each employer once.
    /// </summary>
    public static string NewOrganizationNumber()
    {
        int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
        while (true)
        {
            var digits = Enumerable.Range(0, 8).Select(i => i == 0 ? 8 + Random.Shared.Next(2) : Random.Shared.Next(10)).ToArray();
            var check = 11 - (digits.Select((d, i) => d * weights[i]).Sum() % 11);
            if (check == 10)
            {
                continue;
            }

            return string.Concat(digits) + (check == 11 ? 0 : check).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static int nationalIdsHandedOut;

    /// <summary>
    /// A valid synthetic national ID number no other browser test has used: each call takes the next birth date from
    /// 1 January 1940, so two registrations never collide ("Personen er allerede i aktiv oppfølging i dette teamet").
    /// A fixed birth date leaves about 400 valid numbers, and a handful of registrations collided now and then.
    /// </summary>
    public static string NewNationalId()
    {
        var birthDate = new DateOnly(1940, 1, 1).AddDays(Interlocked.Increment(ref nationalIdsHandedOut));
        return Trinn.Core.NationalIds.NationalIdNumber.CreateSynthetic(birthDate, Random.Shared);
    }
}
