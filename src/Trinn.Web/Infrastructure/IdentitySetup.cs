using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trinn.Core.Data;
using Trinn.Core.Identity;

namespace Trinn.Web.Infrastructure;

public static class Policies
{
    public const string TeamMember = nameof(TeamMember);
    public const string Referrer = nameof(Referrer);
    public const string NavVeileder = nameof(NavVeileder);
    public const string Aggregates = nameof(Aggregates);
    public const string Research = nameof(Research);
    public const string Admin = nameof(Admin);
    public const string AuditReader = nameof(AuditReader);
    public const string StudyManager = nameof(StudyManager);
}

internal static class IdentitySetup
{
    public const string SmartScheme = "Trinn";

    public static WebApplicationBuilder AddTrinnIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<TrinnUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<TrinnDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<TrinnClaimsFactory>();

        // Keys for cookies, antiforgery and reset links live in the database, so every app instance behind a load
        // balancer reads what another wrote (a sign-in on one is valid on all). The fixed application name keeps
        // instances with different content roots on the same key ring.
        builder.Services.AddDataProtection()
            .SetApplicationName("Trinn")
            .PersistKeysToDbContext<TrinnDbContext>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "trinn.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = SecuritySetup.AllowsPlainHttp(builder.Environment)
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with status codes, never with a redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or personal API token", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddTrinnOpenIdConnect(builder);
        builder.Services.AddScoped<Features.Account.ExternalSignIn>();
        // Admin-issued password reset links (Admin page → /Account/ResetPassword) last a day.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Features.Account.PasswordResetLinks.Lifespan);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.TeamMember, p => p.RequireRole(Roles.Jobbspesialist, Roles.Metodeveileder).RequireClaim(TrinnClaims.TeamId))
            .AddPolicy(Policies.Referrer, p => p.RequireRole(Roles.NavVeileder, Roles.Jobbspesialist, Roles.Metodeveileder))
            .AddPolicy(Policies.NavVeileder, p => p.RequireRole(Roles.NavVeileder))
            .AddPolicy(Policies.Aggregates, p => p.RequireRole(Roles.Leder, Roles.Forsker, Roles.Metodeveileder))
            .AddPolicy(Policies.Research, p => p.RequireRole(Roles.Forsker))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.AuditReader, p => p.RequireRole(Roles.Metodeveileder, Roles.Admin))
            .AddPolicy(Policies.StudyManager, p => p.RequireRole(Roles.Metodeveileder, Roles.Admin));
        return builder;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

internal static class RoleManagerExtensions
{
    /// <summary>
    /// Creates the role row if the database has none yet: only demo seeding creates roles up front, so a fresh
    /// production database gains them as admins and sign-ins first use them.
    /// </summary>
    public static async Task EnsureExistsAsync(this RoleManager<IdentityRole> roles, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }
}

public static class TrinnClaims
{
    public const string TeamId = "trinn:team";
    public const string DisplayName = "trinn:name";
}

internal sealed class TrinnClaimsFactory(
    UserManager<TrinnUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrinnUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrinnUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TrinnClaims.DisplayName, user.DisplayName));
        if (user.TeamId is { } teamId)
        {
            identity.AddClaim(new Claim(TrinnClaims.TeamId, teamId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

public static class ClaimsPrincipalExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public static int? TeamId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(TrinnClaims.TeamId), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsTeamMember(this ClaimsPrincipal user) =>
        (user.IsInRole(Roles.Jobbspesialist) || user.IsInRole(Roles.Metodeveileder)) && user.TeamId() is not null;
}
