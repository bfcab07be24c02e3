using Microsoft.Extensions.Options;

namespace Trinn.Web.Features.Account;

/// <summary>Where the identity provider's answer lands: signs the user in, or says in Norwegian why not.</summary>
public sealed class ExternalCallbackModel(ExternalSignIn external, IOptions<OpenIdConnectSignInOptions> options) : PageModel
{
    public string MessageKey { get; private set; } = "External_Failed";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? feil)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        if (feil is not null)
        {
            return Page();
        }

        var result = await external.SignInAsync();
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }

        MessageKey = result.MessageKey ?? MessageKey;
        return Page();
    }
}
