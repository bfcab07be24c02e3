using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Trinn.Core.Identity;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// The <c>Authentication:OpenIdConnect</c> section: optional sign-in with an organisation's own identity provider
/// (for example NAV's). Local accounts stay the default; this adds a second button on the login page.
/// </summary>
public sealed class OpenIdConnectSignInOptions
{
    public const string SectionName = "Authentication:OpenIdConnect";

    /// <summary>The authentication scheme name; also the login provider stored in AspNetUserLogins.</summary>
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }

    /// <summary>Shown on the login page as "Logg inn med {DisplayName}".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The provider's issuer URL; its <c>/.well-known/openid-configuration</c> is read from there.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>From the environment (<c>Authentication__OpenIdConnect__ClientSecret</c>), never committed.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes beyond <c>openid</c>; <c>profile</c> by default.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Off only for a provider on plain http in a test; then Authority may be http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The id-token claim that carries the user's roles or groups, as named in the token.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>Claim value → Trinn role (e.g. an Entra ID group id → <c>Jobbspesialist</c>). Unmapped values are ignored.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>Optional claim naming the user's team; when set, the team is re-synced on each sign-in.</summary>
    public string? TeamClaimType { get; set; }

    /// <summary>Team claim value → Trinn team name. Without an entry, the claim value itself is the team name.</summary>
    public Dictionary<string, string> TeamMap { get; set; } = [];

    /// <summary>Create a Trinn user on the first sign-in of someone whose claims map to a role.</summary>
    public bool AutoProvision { get; set; }

    /// <summary>
    /// On the first external sign-in, link to an existing local user whose user name equals this claim
    /// (e.g. <c>preferred_username</c> or <c>NAVident</c>). Empty: users are matched by subject only.
    /// </summary>
    public string? LinkByUserNameClaim { get; set; }

    /// <summary>The claim with the person's display name for auto-provisioned users.</summary>
    public string NameClaimType { get; set; } = "name";

    /// <summary>Every problem with the configuration, in words an operator can act on; empty when valid or disabled.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (!Enabled)
        {
            return [];
        }

        var errors = new List<string>();
        var prefix = SectionName + ":";
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            errors.Add(prefix + "DisplayName is required (the login button says \"Logg inn med {DisplayName}\").");
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add(prefix + "Authority must be the provider's absolute issuer URL.");
        }
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
        {
            errors.Add(prefix + "Authority must use https (RequireHttpsMetadata is on).");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add(prefix + "ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            errors.Add(prefix + "ClientSecret is required; set it in the environment variable Authentication__OpenIdConnect__ClientSecret.");
        }

        if (string.IsNullOrWhiteSpace(RoleClaimType))
        {
            errors.Add(prefix + "RoleClaimType is required.");
        }

        if (RoleMap.Count == 0)
        {
            errors.Add(prefix + "RoleMap must map at least one claim value to a Trinn role.");
        }

        foreach (var (value, role) in RoleMap)
        {
            if (!Roles.All.Contains(role))
            {
                errors.Add($"{prefix}RoleMap maps '{value}' to unknown role '{role}'; roles are {string.Join(", ", Roles.All)}.");
            }
        }

        if (TeamMap.Count > 0 && string.IsNullOrWhiteSpace(TeamClaimType))
        {
            errors.Add(prefix + "TeamMap is set but TeamClaimType is not.");
        }

        return errors;
    }

    /// <summary>The Trinn roles the principal's role claims map to.</summary>
    public IReadOnlySet<string> MapRoles(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(RoleClaimType)
            .Select(c => RoleMap.GetValueOrDefault(c.Value))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The team name the principal's team claim maps to, or null.</summary>
    public string? MapTeamName(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (string.IsNullOrWhiteSpace(TeamClaimType) || principal.FindFirst(TeamClaimType)?.Value is not { Length: > 0 } value)
        {
            return null;
        }

        return TeamMap.GetValueOrDefault(value) ?? value;
    }
}

internal static class OpenIdConnectSetup
{
    public static AuthenticationBuilder AddTrinnOpenIdConnect(this AuthenticationBuilder authentication, WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OpenIdConnectSignInOptions.SectionName);
        var settings = section.Get<OpenIdConnectSignInOptions>() ?? new OpenIdConnectSignInOptions();
        builder.Services.Configure<OpenIdConnectSignInOptions>(section);
        var errors = settings.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("OpenID Connect sign-in is misconfigured:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        if (!settings.Enabled)
        {
            return authentication;
        }

        var plainHttp = SecuritySetup.AllowsPlainHttp(builder.Environment);
        return authentication.AddOpenIdConnect(OpenIdConnectSignInOptions.Scheme, settings.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = settings.Authority;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (var scope in settings.Scopes.Count == 0 ? ["profile"] : settings.Scopes)
            {
                o.Scope.Add(scope);
            }

            // Claim types as the provider names them, so RoleClaimType in the configuration is the name in the token.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CallbackPath = "/signin-oidc";
            o.TokenValidationParameters.NameClaimType = settings.NameClaimType;
            o.TokenValidationParameters.RoleClaimType = settings.RoleClaimType;
            if (plainHttp)
            {
                // Browsers drop SameSite=None cookies without Secure, so on plain http (development, demo, tests) the
                // provider answers with a top-level redirect (response_mode=query), which carries Lax cookies.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            }

            o.Events.OnTokenValidated = ctx =>
            {
                // SignInManager reads the external subject from NameIdentifier.
                if (ctx.Principal?.Identity is ClaimsIdentity identity && identity.FindFirst(ClaimTypes.NameIdentifier) is null
                    && identity.FindFirst("sub")?.Value is { Length: > 0 } subject)
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject));
                }

                return Task.CompletedTask;
            };
            // A refused or broken sign-in at the provider ends on a Norwegian page, never on an exception page.
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.Response.Redirect("/Account/ExternalCallback?feil=1");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
