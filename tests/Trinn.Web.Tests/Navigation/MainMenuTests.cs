using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trinn.Core.Identity;
using Trinn.Web.Shared.Navigation;

namespace Trinn.Web.Tests.Navigation;

/// <summary>
/// The header menu shows a role exactly the pages the role may open: every link it shows opens (200), and every
/// page of the menu that opens for the role is linked. "Opens" is asked of the running app over HTTP, so the test
/// holds whatever decides access (the pages' policies), not a copy of it.
/// </summary>
public sealed partial class MainMenuTests(TrinnFactory app) : IClassFixture<TrinnFactory>
{
    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task MainMenu_EachRole_LinksExactlyTheMenuPagesTheRoleCanOpen(string role)
    {
        var team = role is Roles.Jobbspesialist or Roles.Metodeveileder ? await app.Data.AddTeamAsync() : null;
        var user = await app.Data.AddUserAsync(role, team);
        using var client = await BrowserClient.LoginAsync(app, user.UserName!);

        var header = Header(await client.GetHtmlAsync("/Account/Profile"));
        var shown = Links().Matches(header).Select(m => m.Groups["href"].Value).Where(h => h.StartsWith('/')).ToHashSet();
        var links = app.Services.GetRequiredService<LinkGenerator>();
        var menuPages = NavMenu.Groups.SelectMany(g => g.Items).Concat(NavMenu.UserItems)
            .Select(i => links.GetPathByPage(i.Page, handler: null, values: null)!)
            .ToList();
        var opens = new HashSet<string>();
        foreach (var path in menuPages.Concat(shown).Distinct())
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                opens.Add(path);
            }
        }

        Assert.DoesNotContain(shown, h => h != "/" && !opens.Contains(h));
        Assert.Equal(menuPages.Where(opens.Contains).Order(), shown.Where(menuPages.Contains).Order());
        Assert.Contains("/Account/Profile", shown);
        Assert.Contains("action=\"/Account/Logout\"", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainMenu_Metodeveileder_GroupsLinksUnderFewButtons()
    {
        var user = await app.Data.AddUserAsync(Roles.Metodeveileder, await app.Data.AddTeamAsync());
        using var client = await BrowserClient.LoginAsync(app, user.UserName!);

        var header = Header(await client.GetHtmlAsync("/Candidates"));

        // Twelve links before grouping wrapped the header to three lines at 1280 px; now a handful of buttons.
        var buttons = Regex.Count(header, "class=\"aksel-internalheader__button trinn-nav__button\"");
        Assert.InRange(buttons, 3, 6);
        Assert.True(Links().Count(header) >= 10);
        Assert.Matches("href=\"/Candidates\" aria-current=\"page\"", header);
    }

    [Fact]
    public async Task MainMenu_Anonymous_ShowsNoMenu()
    {
        using var client = BrowserClient.Anonymous(app);

        var header = Header(await client.GetHtmlAsync("/Account/Login"));

        Assert.DoesNotContain("trinn-nav", header, StringComparison.Ordinal);
    }

    private static string Header(string html)
    {
        var start = html.IndexOf("<header", StringComparison.Ordinal);
        var end = html.IndexOf("</header>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page has no header.");
        return html[start..end];
    }

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]*)\"")]
    private static partial Regex Links();
}
