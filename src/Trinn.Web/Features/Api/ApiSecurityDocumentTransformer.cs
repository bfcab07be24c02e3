using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Trinn.Web.Features.Api;

/// <summary>
/// Tells a generated client how to sign in: every operation needs a personal API token as a bearer token (or the
/// browser's sign-in cookie) and may answer 401 (no or invalid token) or 403 (the role, or a read-only token, does not allow it).
/// </summary>
internal sealed class ApiSecurityDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "trinnToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "trinn_…",
            Description = "A personal API token from Min profil (Authorization: Bearer trinn_…). It answers on /api only, "
                + "until it expires or is revoked; a read-only token may only send GET.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] };
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Security ??= [];
            operation.Security.Add(requirement);
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in: no token, or one that is unknown, expired or revoked." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but the role (or a read-only token) does not allow this." });
        }

        return Task.CompletedTask;
    }
}
