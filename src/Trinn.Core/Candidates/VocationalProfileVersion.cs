using Trinn.Core.Common;
using Trinn.Core.Opportunities;

namespace Trinn.Core.Candidates;

/// <summary>
/// Stage 2: the vocational profile (yrkesprofil). Each save adds a version; earlier versions are kept so the
/// profile's history after every job experience (fidelity item 9) is visible.
/// </summary>
public class VocationalProfileVersion
{
    public const int FieldMaxLength = 4000;

    public int Id { get; set; }

    public int CandidateId { get; set; }

    public int VersionNumber { get; set; }

    public DateTime SavedAtUtc { get; set; }

    public required string SavedById { get; set; }

    public string? Interests { get; set; }

    public string? WorkExperience { get; set; }

    public string? Education { get; set; }

    public string? Strengths { get; set; }

    public string? Challenges { get; set; }

    /// <summary>What the person needs to thrive ("friskfaktorer").</summary>
    public string? Friskfaktorer { get; set; }

    public string? PreferredIndustries { get; set; }

    public string? PreferredHours { get; set; }

    /// <summary>Fewest hours per week the person wishes to work; with <see cref="PreferredHoursMax"/> used for job matching.</summary>
    public int? PreferredHoursMin { get; set; }

    /// <summary>Most hours per week the person wishes to work.</summary>
    public int? PreferredHoursMax { get; set; }

    public string? PreferredPlaces { get; set; }

    public string? Adaptations { get; set; }

    public string? PersonalContacts { get; set; }

    /// <summary>
    /// Sets the wished hours per week: each, when given, from 1 to <see cref="JobOpportunity.MaxHoursPerWeek"/>, and the
    /// fewest not above the most (the error is at the most, where the user looks last).
    /// </summary>
    public void SetPreferredHours(int? min, int? max)
    {
        if (min is < 1 or > JobOpportunity.MaxHoursPerWeek)
        {
            throw new DomainException(nameof(PreferredHoursMin), "Error_HoursPerWeek");
        }

        if (max is < 1 or > JobOpportunity.MaxHoursPerWeek)
        {
            throw new DomainException(nameof(PreferredHoursMax), "Error_HoursPerWeek");
        }

        if (min > max)
        {
            throw new DomainException(nameof(PreferredHoursMax), "Error_HoursMinAboveMax");
        }

        PreferredHoursMin = min;
        PreferredHoursMax = max;
    }
}
