using Trinn.Core.Candidates;
using Trinn.Core.Common;
using Trinn.Core.Employers;

namespace Trinn.Core.Opportunities;

public enum OpportunityStatus
{
    Open = 1,
    Filled = 2,
    Closed = 3,
}

/// <summary>
/// A job opportunity (stillingsmulighet) at an employer in the team's network, possibly carved for one candidate
/// (jobbsnekring). Team-scoped through its employer.
/// </summary>
public class JobOpportunity : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int ShortTextMaxLength = 100;
    public const int MaxHoursPerWeek = 60;

    public int Id { get; set; }

    public int EmployerId { get; set; }

    public Employer? Employer { get; set; }

    public string Title { get; private set; } = "";

    public string Tasks { get; private set; } = "";

    /// <summary>Hours per week as a number, so it can be matched against the candidate's wished range.</summary>
    public int HoursPerWeek { get; private set; }

    /// <summary>When in the day or week, in the employer's words ("formiddag", "tre dager i uka").</summary>
    public string? HoursNote { get; private set; }

    /// <summary>Municipality or area (kommune/bydel).</summary>
    public string Place { get; private set; } = "";

    public string? Requirements { get; private set; }

    /// <summary>The job's industry; the employer's when the form leaves it blank.</summary>
    public string? Industry { get; private set; }

    public OpportunityStatus Status { get; private set; } = OpportunityStatus.Open;

    /// <summary>Set when the job was carved for one candidate of the same team; only that candidate matches it.</summary>
    public int? CarvedForCandidateId { get; private set; }

    public Candidate? CarvedForCandidate { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// Sets the terms after checking the rules: title, tasks and place required, hours per week 1–60, texts within
    /// their lengths. A blank industry takes <paramref name="employerIndustry"/>.
    /// </summary>
    public void Describe(
        string? title, string? tasks, int? hoursPerWeek, string? hoursNote, string? place, string? requirements, string? industry,
        OpportunityStatus? status, int? carvedForCandidateId, string? employerIndustry)
    {
        var t = Required(title, nameof(Title), TitleMaxLength);
        var k = Required(tasks, nameof(Tasks), TextMaxLength);
        if (hoursPerWeek is not { } hours)
        {
            throw new DomainException(nameof(HoursPerWeek), "Error_Required");
        }

        if (hours is < 1 or > MaxHoursPerWeek)
        {
            throw new DomainException(nameof(HoursPerWeek), "Error_HoursPerWeek");
        }

        var p = Required(place, nameof(Place), ShortTextMaxLength);
        if (status is not { } s || !Enum.IsDefined(s))
        {
            throw new DomainException(nameof(Status), "Error_Required");
        }

        Title = t;
        Tasks = k;
        HoursPerWeek = hours;
        HoursNote = Optional(hoursNote, nameof(HoursNote), ShortTextMaxLength);
        Place = p;
        Requirements = Optional(requirements, nameof(Requirements), TextMaxLength);
        Industry = Optional(industry, nameof(Industry), ShortTextMaxLength) ?? Optional(employerIndustry, nameof(Industry), ShortTextMaxLength);
        Status = s;
        CarvedForCandidateId = carvedForCandidateId;
    }

    private static string Required(string? text, string field, int max) =>
        Optional(text, field, max) ?? throw new DomainException(field, "Error_Required");

    private static string? Optional(string? text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length > max ? throw new DomainException(field, "Error_TooLong") : trimmed;
    }
}
