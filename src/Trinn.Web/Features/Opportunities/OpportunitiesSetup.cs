using System.Security.Claims;
using Trinn.Core.Candidates;
using Trinn.Core.Opportunities;
using Trinn.Web.Features.Candidates;

namespace Trinn.Web.Features.Opportunities;

/// <summary>Marker for the opportunity pages' texts (Resources/Features/Opportunities/OpportunitiesResource.resx).</summary>
public sealed class OpportunitiesResource;

internal static class OpportunitiesSetup
{
    /// <summary>Job opportunities belong to the team's employer network: the team's job specialists and method supervisor.</summary>
    public static WebApplicationBuilder AddTrinnOpportunities(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Opportunities", Policies.TeamMember));
        return builder;
    }
}

internal static partial class OpportunityAccess
{
    /// <summary>Opportunities at the team's employers; other roles and other teams see nothing (the check is in the query).</summary>
    public static IQueryable<JobOpportunity> VisibleTo(this IQueryable<JobOpportunity> opportunities, ClaimsPrincipal user)
    {
        var teamId = user.IsTeamMember() ? user.TeamId() : null;
        return teamId is null ? opportunities.Where(_ => false) : opportunities.Where(o => o.Employer!.TeamId == teamId);
    }

    public static async Task<JobOpportunity?> FindOpportunityForEditAsync(this TrinnDbContext db, int id, ClaimsPrincipal user, ILogger logger)
    {
        var opportunity = await db.Set<JobOpportunity>().VisibleTo(user).Include(o => o.Employer).SingleOrDefaultAsync(o => o.Id == id);
        if (opportunity is null)
        {
            logger.LogOpportunityNotVisible(id, user.UserId());
        }

        return opportunity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job opportunity {OpportunityId} was requested by user {UserId} who may not see it")]
    public static partial void LogOpportunityNotVisible(this ILogger logger, int opportunityId, string userId);
}

/// <summary>Loads both sides of <see cref="JobMatching"/> for the pages and the API; the rule itself is in Core.</summary>
internal static class OpportunityMatches
{
    public const int MaxRows = 500;

    /// <summary>The matching inputs of the given candidates, from each one's latest vocational profile (empty wishes when none).</summary>
    public static async Task<List<CandidatePreferences>> PreferencesAsync(TrinnDbContext db, IQueryable<Candidate> candidates)
    {
        var rows = await candidates
            .Select(c => new
            {
                c.Id,
                Active = c.DischargedOn == null,
                Profile = db.ProfileVersions.Where(p => p.CandidateId == c.Id).OrderByDescending(p => p.VersionNumber)
                    .Select(p => new { p.PreferredIndustries, p.PreferredHoursMin, p.PreferredHoursMax, p.PreferredPlaces })
                    .FirstOrDefault(),
            })
            .ToListAsync();
        return rows.Select(r => new CandidatePreferences(
            r.Id, r.Active, r.Profile?.PreferredIndustries, r.Profile?.PreferredHoursMin, r.Profile?.PreferredHoursMax, r.Profile?.PreferredPlaces)).ToList();
    }

    public static IQueryable<OpportunityTerms> Terms(this IQueryable<JobOpportunity> opportunities) =>
        opportunities.Select(o => new OpportunityTerms(o.Id, o.Status, o.Industry, o.HoursPerWeek, o.Place, o.CarvedForCandidateId));

    /// <summary>The team's open opportunities that match one candidate (the caller has checked the candidate is visible).</summary>
    public static async Task<List<(OpportunityTerms Opportunity, JobMatch Match)>> ForCandidateAsync(TrinnDbContext db, ClaimsPrincipal user, int candidateId)
    {
        var candidate = (await PreferencesAsync(db, db.Candidates.AsNoTracking().Where(c => c.Id == candidateId))).Single();
        var open = await db.Set<JobOpportunity>().AsNoTracking().VisibleTo(user).Where(o => o.Status == OpportunityStatus.Open)
            .OrderBy(o => o.Id).Take(MaxRows).Terms().ToListAsync();
        return JobMatching.ForCandidate(candidate, open).ToList();
    }

    /// <summary>The team's active candidates that match one opportunity (the caller has checked the opportunity is visible).</summary>
    public static async Task<List<(CandidatePreferences Candidate, JobMatch Match)>> ForOpportunityAsync(
        TrinnDbContext db, ClaimsPrincipal user, OpportunityTerms opportunity)
    {
        if (opportunity.Status != OpportunityStatus.Open)
        {
            return [];
        }

        var active = await PreferencesAsync(db, db.Candidates.AsNoTracking().VisibleTo(user).Where(c => c.DischargedOn == null).OrderBy(c => c.Id));
        return JobMatching.ForOpportunity(opportunity, active).ToList();
    }
}
