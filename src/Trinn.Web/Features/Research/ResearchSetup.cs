namespace Trinn.Web.Features.Research;

internal static class ResearchSetup
{
    /// <summary>The researcher's analyses and exports, with the options for uploaded data sets.</summary>
    public static WebApplicationBuilder AddTrinnResearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ResearchOptions>()
            .BindConfiguration(ResearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ResearchDataStore>();
        return builder.AuthorizeFolder("/Research", Policies.Research);
    }
}
