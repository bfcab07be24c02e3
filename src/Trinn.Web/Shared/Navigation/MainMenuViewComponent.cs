namespace Trinn.Web.Shared.Navigation;

/// <summary>The header menu of <see cref="NavMenu"/>, with the links this user's role may open and the current page marked.</summary>
public sealed class MainMenuViewComponent(PageAccess access, LinkGenerator links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var current = (ViewContext.ActionDescriptor as PageActionDescriptor)?.ViewEnginePath;
        var groups = new List<MenuGroup>();
        foreach (var group in NavMenu.Groups)
        {
            var items = await VisibleAsync(group.Items, current);
            if (items.Count > 0)
            {
                groups.Add(new MenuGroup(group.Label, items, group.Items.Any(i => SameFolder(i.Page, current))));
            }
        }

        return View("/Shared/Navigation/_MainMenu.cshtml", new MainMenu(groups, await VisibleAsync(NavMenu.UserItems, current)));
    }

    private async Task<List<MenuLink>> VisibleAsync(IReadOnlyList<NavItem> items, string? current)
    {
        var visible = new List<MenuLink>();
        foreach (var item in items)
        {
            if (await access.CanOpenAsync(UserClaimsPrincipal, item.Page))
            {
                var href = links.GetPathByPage(HttpContext, item.Page)
                    ?? throw new InvalidOperationException($"No route to {item.Page}.");
                visible.Add(new MenuLink(item.Label, href, string.Equals(item.Page, current, StringComparison.OrdinalIgnoreCase)));
            }
        }

        return visible;
    }

    /// <summary>/Candidates/Details belongs to the group that links /Candidates/Index.</summary>
    private static bool SameFolder(string page, string? current) =>
        current is not null && string.Equals(Folder(page), Folder(current), StringComparison.OrdinalIgnoreCase);

    private static string Folder(string page) => page[..Math.Max(0, page.LastIndexOf('/'))];
}

public sealed record MenuLink(string Label, string Href, bool IsCurrent);

public sealed record MenuGroup(string Label, IReadOnlyList<MenuLink> Links, bool IsCurrent);

public sealed record MainMenu(IReadOnlyList<MenuGroup> Groups, IReadOnlyList<MenuLink> UserLinks);
