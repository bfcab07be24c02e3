using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;

namespace Trinn.Web.Features.Account;

/// <summary>Starts sign-in at the organisation's identity provider; not found when OpenID Connect is off.</summary>
public sealed class ExternalLoginModel(SignInManager<TrinnUser> signIn, IOptions<OpenIdConnectSignInOptions> options) : PageModel
{
    public IActionResult OnGet() => options.Value.Enabled ? RedirectToPage("/Account/Login") : NotFound();

    public IActionResult OnPost(string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalCallback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OpenIdConnectSignInOptions.Scheme, callback);
        return Challenge(properties, OpenIdConnectSignInOptions.Scheme);
    }
}
