using Microsoft.AspNetCore.Identity;

namespace Trinn.Web.Features.Account;

internal static class AccountSetup
{
    /// <summary>
    /// Signing in (password, external, reset link) and the user's own profile. The pages a signed-out user needs are
    /// open to anyone; everything else falls under the authenticated fallback policy.
    /// </summary>
    public static WebApplicationBuilder AddTrinnAccount(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Account/ExternalLogin");
            o.Conventions.AllowAnonymousToPage("/Account/ExternalCallback");
            o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
        });
        builder.Services.AddScoped<SignInThrottling>();
        builder.Services.AddScoped<ExternalSignIn>();
        // Admin-issued password reset links (Admin page → /Account/ResetPassword) last a day.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetLinks.Lifespan);
        return builder;
    }
}
