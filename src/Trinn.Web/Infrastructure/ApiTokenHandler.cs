using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trinn.Core.Identity;

namespace Trinn.Web.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer trinn_…</c> with a personal API token that is neither revoked nor expired and
/// whose owner may still sign in. Tokens count on <c>/api</c> only: pages and forms never see a token's principal
/// (<see cref="IdentitySetup"/> routes only <c>/api</c> here), so a leaked token cannot read pages, post forms or mint
/// or revoke tokens. The principal carries the token's scope (<see cref="TrinnClaims.TokenScope"/>).
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TrinnDbContext db,
    IUserClaimsPrincipalFactory<TrinnUser> principals,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-used is written at most this often, not on every call.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>Only the API answers to tokens.</summary>
    public static bool Serves(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!Serves(Request.Path) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 128)
        {
            return AuthenticateResult.Fail("Invalid token");
        }

        var hash = ApiToken.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var now = time.GetUtcNow();
        if (token?.User is null || !token.IsActive(now.UtcDateTime) || token.User.IsBlocked(now))
        {
            return AuthenticateResult.Fail("Invalid token");
        }

        if (token.LastUsedAtUtc is not { } used || now.UtcDateTime - used >= TouchEvery)
        {
            var at = now.UtcDateTime;
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, at), Context.RequestAborted);
        }

        var principal = await principals.CreateAsync(token.User);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(TrinnClaims.TokenScope, token.Scope.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>A read-only API token may only read: any other method on <c>/api</c> answers 403.</summary>
internal static class ApiTokenScopes
{
    public static IApplicationBuilder UseApiTokenScopes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(TrinnClaims.TokenScope) is { } scope
                && scope != nameof(ApiTokenScope.ReadWrite)
                && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next();
        });
}
