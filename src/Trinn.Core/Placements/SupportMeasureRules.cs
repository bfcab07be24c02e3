using Microsoft.EntityFrameworkCore;
using Trinn.Core.Data;

namespace Trinn.Core.Placements;

/// <summary>
/// Which support measures a kind of placement may carry (report, "Begrepsforklaringer" and "Målrettet bruk av
/// virkemidler"): lønnstilskudd compensates a wage, so only paid work; arbeidstrening is "jobb uten lønn" while on
/// benefits and jobbsmak an unpaid trial of a few days. Mentor and inclusion grants follow NAV's rules for the grants,
/// which cover work training and ordinary work but not a jobbsmak. An adaptation plan fits everywhere.
/// </summary>
public static class SupportMeasureRules
{
    public static bool Allowed(SupportMeasureKind measure, PlacementKind placement) => measure switch
    {
        SupportMeasureKind.Lonnstilskudd => Placement.IsPaidKind(placement),
        SupportMeasureKind.Mentortilskudd or SupportMeasureKind.Inkluderingstilskudd => placement != PlacementKind.Jobbsmak,
        SupportMeasureKind.Tilretteleggingsplan or _ => true,
    };

    /// <summary>The placement kinds a measure is allowed on, for the form's help text and the check's report.</summary>
    public static IReadOnlyList<PlacementKind> AllowedOn(SupportMeasureKind measure) =>
        Enum.GetValues<PlacementKind>().Where(p => Allowed(measure, p)).ToList();
}

/// <summary>A stored support measure the rules do not allow on its placement. Ids and kinds only, never names.</summary>
public sealed record InvalidMeasure(int MeasureId, SupportMeasureKind MeasureKind, int PlacementId, PlacementKind PlacementKind, int CandidateId, int TeamId, DateOnly? FromDate);

/// <summary>
/// Finds support measures that were stored before <see cref="Placement.AddMeasure"/> enforced the rules, such as a wage
/// subsidy on an arbeidstrening. Reports them; changes nothing (the team decides what each one really was).
/// </summary>
public static class SupportMeasureCheck
{
    public static async Task<IReadOnlyList<InvalidMeasure>> FindInvalidAsync(TrinnDbContext db, int? teamId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var paid = Enum.GetValues<PlacementKind>().Where(Placement.IsPaidKind).ToList();
        var query = db.Set<SupportMeasure>().AsNoTracking()
            .Where(m => (m.Kind == SupportMeasureKind.Lonnstilskudd && !paid.Contains(m.Placement!.Kind))
                        || ((m.Kind == SupportMeasureKind.Mentortilskudd || m.Kind == SupportMeasureKind.Inkluderingstilskudd)
                            && m.Placement!.Kind == PlacementKind.Jobbsmak));
        if (teamId is { } team)
        {
            query = query.Where(m => m.Placement!.Candidate!.TeamId == team);
        }

        var rows = await query
            .OrderBy(m => m.Placement!.Candidate!.TeamId).ThenBy(m => m.PlacementId).ThenBy(m => m.Id)
            .Select(m => new InvalidMeasure(m.Id, m.Kind, m.PlacementId, m.Placement!.Kind, m.Placement.CandidateId, m.Placement.Candidate!.TeamId, m.FromDate))
            .ToListAsync(ct);

        // The query mirrors the rule for speed; the rule itself has the last word.
        return rows.Where(r => !SupportMeasureRules.Allowed(r.MeasureKind, r.PlacementKind)).ToList();
    }

    /// <summary>
    /// Ends the support measures still running past their ended job's last day: stored before <see cref="Placement.End"/>
    /// ended a job's measures with it. The same rule, <see cref="SupportMeasure.EndWithJob"/>, applied to each (a started
    /// measure with a later or no end ends on the job's end date, a mentor's joint period with it; one that had not
    /// started is left), and saved through SaveChanges, so each change has its audit entry like any other. Done in C#
    /// rather than as SQL in a migration: a migration's SQL would change domain data without audit entries (the chain is
    /// hashed in C#). Returns the ids of the measures changed; running it again changes nothing.
    /// </summary>
    public static async Task<IReadOnlyList<int>> EndWithEndedJobsAsync(TrinnDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var placements = await db.Set<Placement>()
            .Where(p => p.Ending != null && p.EndDate != null
                && p.Measures.Any(m => m.FromDate != null && m.FromDate <= p.EndDate && (m.ToDate == null || m.ToDate > p.EndDate)))
            .Include(p => p.Measures)
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        var changed = new List<int>();
        foreach (var placement in placements)
        {
            foreach (var measure in placement.Measures.OrderBy(m => m.Id))
            {
                var before = (measure.ToDate, measure.JointTo);
                measure.EndWithJob(placement.EndDate!.Value);
                if ((measure.ToDate, measure.JointTo) != before)
                {
                    changed.Add(measure.Id);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }
}
