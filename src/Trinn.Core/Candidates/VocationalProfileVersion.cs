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
}
