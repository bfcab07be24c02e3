using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
                // The account-wide lock is the last line; SignInThrottle blocks one user name from one address long before.
                o.Lockout.MaxFailedAccessAttempts = AccountLockout.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = AccountLockout.Duration;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<TrinnDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<TrinnSignInManager>()
            .AddClaimsPrincipalFactory<TrinnClaimsFactory>();
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddScoped<UserSessions>();

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
            SessionCookieEvents.Configure(o.Events);
        });

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
            })
            // A bearer token is looked at on /api only; everywhere else only the interactive sign-in cookie counts.
            .AddPolicyScheme(SmartScheme, "Cookie, or a personal API token on /api", o =>
                o.ForwardDefaultSelector = ctx =>
                    ApiTokenHandler.Serves(ctx.Request.Path)
                    && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddTrinnOpenIdConnect(builder);

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

    /// <summary>The random id of the sign-in session (cookie principals only); see <see cref="UserSessions"/>.</summary>
    public const string SessionId = "trinn:sid";

    /// <summary>The scope of the API token that authenticated the request (token principals only).</summary>
    public const string TokenScope = "trinn:token-scope";
}

/// <summary>The account-wide lock after failed sign-ins, far above the per-address throttle (docs/adr/sign-in-and-sessions.md).</summary>
public static class AccountLockout
{
    public const int MaxFailedAccessAttempts = 30;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}

/// <summary>Refuses a deactivated account before its password is even checked (the answer is the usual "not allowed").</summary>
internal sealed class TrinnSignInManager(
    UserManager<TrinnUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TrinnUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TrinnUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TrinnUser> confirmation)
    : SignInManager<TrinnUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(TrinnUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAtUtc is null && await base.CanSignInAsync(user);
    }
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
