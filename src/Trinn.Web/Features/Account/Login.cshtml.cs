using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;
using Trinn.Web.Infrastructure;
using Trinn.Web.Shared;

namespace Trinn.Web.Features.Account;

public sealed class LoginModel(SignInManager<TrinnUser> signIn, IStringLocalizer<SharedResource> t, IOptions<OpenIdConnectSignInOptions> external) : PageModel
{
    /// <summary>The organisation's identity provider as the login button names it; null when OpenID Connect is off.</summary>
    public string? ExternalDisplayName => external.Value.Enabled ? external.Value.DisplayName : null;

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        ModelState.AddModelError("Input.UserName", result.IsLockedOut ? t["Login_LockedOut"] : t["Login_Failed"]);
        return Page();
    }
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Error_Required")]
    [StringLength(256, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_UserName")]
    public string UserName { get; set; } = "";

    public string? Password { get; set; }
}
