namespace Trinn.Core.Opportunities;

/// <summary>How one criterion (industry, hours, place) compares; Unknown when either side says nothing about it.</summary>
public enum CriterionFit
{
    Unknown = 0,
    Fits = 1,
    DoesNotFit = 2,
}

/// <summary>What matching needs from a candidate: the latest vocational profile's wishes, and whether the candidate is active.</summary>
public sealed record CandidatePreferences(int CandidateId, bool Active, string? Industries, int? HoursMin, int? HoursMax, string? Places);

/// <summary>What matching needs from a job opportunity.</summary>
public sealed record OpportunityTerms(int OpportunityId, OpportunityStatus Status, string? Industry, int HoursPerWeek, string Place, int? CarvedForCandidateId);

/// <summary>The outcome for one candidate and one opportunity, with the reason for each criterion.</summary>
public sealed record JobMatch(CriterionFit Industry, CriterionFit Hours, CriterionFit Place, bool CarvedForCandidate, bool IsMatch);

/// <summary>
/// The matching rule (docs/adr/job-matching.md), one pure function used from both sides so that a candidate sees an
/// opportunity exactly when the opportunity lists the candidate:
/// <list type="number">
/// <item>Only an open opportunity and an active (not discharged) candidate can match.</item>
/// <item>A job carved for one candidate matches that candidate, whatever the criteria say, and nobody else.</item>
/// <item>Otherwise each criterion fits, does not fit, or is unknown; it is a match when no criterion is refused and at
/// least one fits.</item>
/// </list>
/// Industry and place: the candidate's free text is split into wishes (at commas, semicolons, slashes, full stops,
/// line breaks, "og" and "eller"); a wish of three letters or more fits when it is part of the opportunity's text or
/// the other way round, ignoring case ("lager" fits "Lager og logistikk", "Oslo øst" fits "Oslo"). Hours: the job's
/// hours per week inside the candidate's wished minimum and maximum (either may be open).
/// </summary>
public static class JobMatching
{
    private const int MinimumWishLength = 3;

    private static readonly string[] Separators = [",", ";", "/", ".", "\n", "\r", " og ", " eller ", " | "];

    public static JobMatch Evaluate(CandidatePreferences candidate, OpportunityTerms opportunity)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(opportunity);
        var industry = TextFit(candidate.Industries, opportunity.Industry);
        var hours = HoursFit(candidate.HoursMin, candidate.HoursMax, opportunity.HoursPerWeek);
        var place = TextFit(candidate.Places, opportunity.Place);
        var carvedForThis = opportunity.CarvedForCandidateId == candidate.CandidateId;
        var eligible = opportunity.Status == OpportunityStatus.Open && candidate.Active
                       && (opportunity.CarvedForCandidateId is null || carvedForThis);
        var fits = carvedForThis
                   || (industry != CriterionFit.DoesNotFit && hours != CriterionFit.DoesNotFit && place != CriterionFit.DoesNotFit
                       && (industry == CriterionFit.Fits || hours == CriterionFit.Fits || place == CriterionFit.Fits));
        return new JobMatch(industry, hours, place, carvedForThis, eligible && fits);
    }

    /// <summary>The opportunities that match the candidate, in the order given.</summary>
    public static IReadOnlyList<(OpportunityTerms Opportunity, JobMatch Match)> ForCandidate(CandidatePreferences candidate, IEnumerable<OpportunityTerms> opportunities) =>
        opportunities.Select(o => (o, Evaluate(candidate, o))).Where(x => x.Item2.IsMatch).ToList();

    /// <summary>The candidates that match the opportunity, in the order given.</summary>
    public static IReadOnlyList<(CandidatePreferences Candidate, JobMatch Match)> ForOpportunity(OpportunityTerms opportunity, IEnumerable<CandidatePreferences> candidates) =>
        candidates.Select(c => (c, Evaluate(c, opportunity))).Where(x => x.Item2.IsMatch).ToList();

    /// <summary>The candidate's wishes in a free-text field, lower-cased and trimmed; short fragments dropped.</summary>
    public static IReadOnlyList<string> Wishes(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.ToLowerInvariant()
                .Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(w => w.Length >= MinimumWishLength)
                .Distinct(StringComparer.Ordinal)
                .ToList();

    private static CriterionFit TextFit(string? wishes, string? offered)
    {
        var list = Wishes(wishes);
        if (list.Count == 0 || string.IsNullOrWhiteSpace(offered))
        {
            return CriterionFit.Unknown;
        }

        var text = offered.Trim().ToLowerInvariant();
        return list.Any(w => text.Contains(w, StringComparison.Ordinal) || (text.Length >= MinimumWishLength && w.Contains(text, StringComparison.Ordinal)))
            ? CriterionFit.Fits
            : CriterionFit.DoesNotFit;
    }

    private static CriterionFit HoursFit(int? min, int? max, int hours)
    {
        if (min is null && max is null)
        {
            return CriterionFit.Unknown;
        }

        return hours >= (min ?? 0) && hours <= (max ?? int.MaxValue) ? CriterionFit.Fits : CriterionFit.DoesNotFit;
    }
}
