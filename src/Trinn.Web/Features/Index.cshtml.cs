using Trinn.Core.Identity;

namespace Trinn.Web.Features;

/// <summary>The start page sends each role to where its daily work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.Jobbspesialist))
        {
            return RedirectToPage("/Portfolio/Index");
        }

        if (User.IsInRole(Roles.Metodeveileder))
        {
            return RedirectToPage("/Candidates/Index");
        }

        if (User.IsInRole(Roles.NavVeileder))
        {
            return RedirectToPage("/Referrals/Mine");
        }

        if (User.IsInRole(Roles.Leder) || User.IsInRole(Roles.Forsker))
        {
            return RedirectToPage("/Overview/Index");
        }

        return User.IsInRole(Roles.Admin) ? RedirectToPage("/Admin/Index") : RedirectToPage("/Account/AccessDenied");
    }
}
