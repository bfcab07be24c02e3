namespace Trinn.Web.Features.Api;

internal static class ApiSetup
{
    /// <summary>The OpenAPI description of /api, with the personal-token security scheme.</summary>
    public static WebApplicationBuilder AddTrinnApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiSecurityDocumentTransformer>());
        builder.Services.AddSingleton<CandidateDocumentReader>();
        builder.Services.AddSingleton<CandidateDocumentCache>();
        builder.Services.AddHostedService<CandidateChangeListener>();
        return builder;
    }

    /// <summary>The JSON API under /api (personal tokens or the sign-in cookie) and its OpenAPI document.</summary>
    public static WebApplication MapTrinnApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapCandidatesApi();
        app.MapWorkplaceApi();
        app.MapTeamsApi();
        app.MapWorkingPracticeApi();
        return app;
    }
}
