using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>
/// Password sign-in. Every refusal (wrong password, unknown user, a wait after repeated failures from this address,
/// a locked or deactivated account) gives the same message, so the page never tells whether a user exists
/// (docs/adr/sign-in-and-sessions.md).
/// </summary>
public sealed class LoginModel(
    SignInManager<TrinnUser> signIn,
    SignInThrottling throttling,
    IStringLocalizer<SharedResource> t,
    IOptions<OpenIdConnectSignInOptions> external) : PageModel
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

        var address = HttpContext.Connection.RemoteIpAddress;
        if (!await throttling.IsBlockedAsync(Input.UserName, address))
        {
            var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password ?? "", isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await throttling.ClearAsync(Input.UserName, address);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }

            await throttling.RecordFailureAsync(Input.UserName, address);
        }

        ModelState.AddModelError("Input.UserName", t["Login_Failed"]);
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
