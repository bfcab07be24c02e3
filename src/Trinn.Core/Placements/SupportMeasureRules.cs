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
}
