using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Trinn.Web.Infrastructure;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Sign-in and token-link attempts allowed per client address per minute.</summary>
    public int SensitiveRequestsPerMinute { get; set; } = 30;
}

/// <summary>Security headers, cookie policy and rate limiting for sign-in and token links.</summary>
internal static class SecuritySetup
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy for this configuration. Browsers apply <c>form-action</c> to the redirects that follow a form post too,
    /// so with OpenID Connect on, the "Logg inn med …" form must be allowed to end at the provider's origin.
    /// </summary>
    public static string ContentSecurityPolicyFor(OpenIdConnectSignInOptions? external) =>
        external is { Enabled: true } && Uri.TryCreate(external.Authority, UriKind.Absolute, out var authority)
            ? ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + authority.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            : ContentSecurityPolicy;

    /// <summary>Sign-in posts: limited per client address.</summary>
    private static readonly string[] SignInPaths = ["/Account/Login", "/Account/ExternalLogin"];

    /// <summary>Links that carry a secret token in the URL: every request is limited, so tokens cannot be guessed.</summary>
    private static readonly string[] TokenLinkPaths = ["/FollowUps/Feed", "/Account/ResetPassword", "/signin-oidc", "/svar"];

    public static WebApplicationBuilder AddTrinnSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.SectionName));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!IsSensitive(ctx.Request))
                {
                    return RateLimitPartition.GetNoLimiter("other");
                }

                var limit = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SensitiveRequestsPerMinute;
                var client = ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client + "|" + limit.ToString(CultureInfo.InvariantCulture), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "trinn.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = SecuritySetup.AllowsPlainHttp(builder.Environment)
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>Local development, demo and test hosts run on plain http; every other environment requires https cookies.</summary>
    public static bool AllowsPlainHttp(IHostEnvironment env) =>
        env.IsDevelopment() || env.IsEnvironment("Testing") || env.IsEnvironment("Demo");

    /// <summary>Adds the security headers to every response.</summary>
    public static IApplicationBuilder UseTrinnSecurityHeaders(this IApplicationBuilder app)
    {
        var contentSecurityPolicy = ContentSecurityPolicyFor(app.ApplicationServices.GetService<IOptions<OpenIdConnectSignInOptions>>()?.Value);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // The API description too: it answers like the API, and nothing generated per request is cached.
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
                    || context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
    }

    private static bool IsSensitive(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && SignInPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        || TokenLinkPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
