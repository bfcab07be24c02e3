using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Trinn.Web.Tests.Security.OpenIdConnect;

/// <summary>A person as the fake identity provider knows them: subject plus the claims it puts in the id token.</summary>
public sealed record FakeIdpUser(string Subject, string Name, IReadOnlyList<string> Roles, string? Team = null, string? PreferredUserName = null);

/// <summary>
/// A minimal OpenID Connect provider on a free loopback port (Kestrel): discovery document, JWKS, an authorize
/// endpoint that signs in <see cref="NextUser"/> at once and answers with form_post (or a query redirect), and a
/// token endpoint that checks the client secret and PKCE and returns an RS256-signed id token. Enough for the real
/// ASP.NET Core OpenID Connect handler to run the whole authorization code flow against it.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "trinn-test";
    public const string ClientSecret = "fake-idp-secret";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "fake-key-1" };
    private readonly ConcurrentDictionary<string, Grant> grants = new();

    private FakeIdentityProvider(WebApplication app)
    {
        this.app = app;
    }

    public string Authority { get; private set; } = "";

    /// <summary>Who the authorize endpoint signs in next.</summary>
    public FakeIdpUser? NextUser { get; set; }

    /// <summary>How many codes the token endpoint has exchanged.</summary>
    public int TokensIssued { get; private set; }

    public static FakeIdentityProvider Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var web = builder.Build();
        var idp = new FakeIdentityProvider(web);
        idp.Map(web);
        web.StartAsync().GetAwaiter().GetResult();
        idp.Authority = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return idp;
    }

    private void Map(WebApplication web)
    {
        web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "form_post", "query" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        }));
        web.MapGet("/jwks", () =>
        {
            var p = key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) },
                },
            });
        });
        web.MapGet("/authorize", Authorize);
        web.MapPost("/token", TokenAsync);
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || NextUser is not { } user
            || string.IsNullOrEmpty(q["redirect_uri"]) || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        grants[code] = new Grant(user, q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString());
        var redirect = q["redirect_uri"].ToString();
        var state = q["state"].ToString();
        if (q["response_mode"] == "form_post")
        {
            var e = HtmlEncoder.Default;
            var html = $"""
                <html><body><form method="post" action="{e.Encode(redirect)}">
                <input type="hidden" name="code" value="{e.Encode(code)}" />
                <input type="hidden" name="state" value="{e.Encode(state)}" />
                </form></body></html>
                """;
            return Results.Content(html, "text/html");
        }

        return Results.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var claims = new Dictionary<string, object>
        {
            ["sub"] = grant.User.Subject,
            ["name"] = grant.User.Name,
            ["nonce"] = grant.Nonce,
            ["roles"] = grant.User.Roles.ToList(),
        };
        if (grant.User.Team is { } team)
        {
            claims["team"] = team;
        }

        if (grant.User.PreferredUserName is { } preferred)
        {
            claims["preferred_username"] = preferred;
        }

        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        TokensIssued++;
        return Results.Json(new { access_token = "fake-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Rsa.Dispose();
    }

    private sealed record Grant(FakeIdpUser User, string Nonce, string CodeChallenge, string RedirectUri);
}
