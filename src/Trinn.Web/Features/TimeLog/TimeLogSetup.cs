using Microsoft.AspNetCore.Mvc.RazorPages;
using Trinn.Web.Infrastructure;

namespace Trinn.Web.Features.TimeLog;

/// <summary>Marker for the time log pages' texts (Resources/Features/TimeLog/TimeLogResource.resx).</summary>
public sealed class TimeLogResource;

internal static class TimeLogSetup
{
    /// <summary>Each specialist's own time log; the method supervisor logs time too.</summary>
    public static WebApplicationBuilder AddTrinnTimeLog(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/TimeLog", Policies.TeamMember));
        return builder;
    }
}
