using System.Security.Claims;
using Trinn.Core.Common;
using Trinn.Core.TimeLog;

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

internal static class TimeLogAccess
{
    /// <summary>One of the user's own blocks, tracked; another user's block is null (the check is in the query).</summary>
    public static Task<TimeBlock?> FindOwnBlockAsync(this TrinnDbContext db, int id, ClaimsPrincipal user)
    {
        var me = user.UserId();
        return db.Set<TimeBlock>().SingleOrDefaultAsync(b => b.Id == id && b.UserId == me);
    }
}

internal static class TimeLogMessages
{
    public static string For(DomainException ex, IStringLocalizer<SharedResource> t, IStringLocalizer<TimeLogResource> l)
    {
        var label = ex.Field switch { "Category" => "Field_TimeCategory", "Minutes" => "Field_Minutes", "Note" => "Field_Note", _ => "Field_Date" };
        var own = l[ex.MessageKey];
        return own.ResourceNotFound ? t[ex.MessageKey, t[label], TimeBlock.NoteMaxLength].Value : own.Value;
    }
}
