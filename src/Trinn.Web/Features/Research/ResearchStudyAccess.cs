using System.Security.Claims;
using Trinn.Core.Identity;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The studies a user may analyse on the research pages. Today every forsker may analyse every study (the forsker's
/// existing access); per-study grants tighten this one query, and every study analysis page reads through it, so the
/// check stays in the query's WHERE.
/// </summary>
internal static class ResearchStudyAccess
{
    public static IQueryable<Study> AnalysableBy(this IQueryable<Study> studies, ClaimsPrincipal user) =>
        user.IsInRole(Roles.Forsker) ? studies : studies.Where(_ => false);
}
