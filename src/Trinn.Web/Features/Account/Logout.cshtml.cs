using Microsoft.AspNetCore.Identity;
using Trinn.Core.Identity;
using Trinn.Web.Features.Research;

namespace Trinn.Web.Features.Account;

public sealed class LogoutModel(SignInManager<TrinnUser> signIn, ResearchDataStore research) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        // An uploaded research table lives only as long as the session that uploaded it.
        if (User.Identity?.IsAuthenticated == true)
        {
            research.Remove(User.UserId());
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
