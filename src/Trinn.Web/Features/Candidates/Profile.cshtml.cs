using System.ComponentModel.DataAnnotations;
using Trinn.Core.Candidates;

namespace Trinn.Web.Features.Candidates;

/// <summary>Stage 2: the vocational profile. Every save is a new version; earlier ones stay readable.</summary>
[ReadsCandidateData]
public sealed class ProfileModel(TrinnDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time, ILogger<ProfileModel> logger) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateTime? LatestSavedAtUtc { get; private set; }

    public VocationalProfileVersion? Viewing { get; private set; }

    public IReadOnlyList<ProfileVersionRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "versjon")] int? version)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await db.AuditReadAsync(AuditEntities.ProfilePage, candidate.Id);

        await ShowAsync(candidate);
        var latest = await LatestAsync(id);
        Input = ProfileInput.From(latest);
        if (version is { } v)
        {
            Viewing = await db.ProfileVersions.AsNoTracking().SingleOrDefaultAsync(p => p.CandidateId == id && p.VersionNumber == v);
            if (Viewing is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var candidate = await db.FindForEditAsync(id, User, logger);
        if (candidate is null)
        {
            return NotFound();
        }

        await ShowAsync(candidate);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var latest = await LatestAsync(id);
        var latestNumber = latest?.VersionNumber ?? 0;
        if (latestNumber != Input.BaseVersion)
        {
            return Conflict(latest);
        }

        // The wished hours' rules are the profile's own. Another save may take the same version number in the
        // meantime: the unique index refuses this one, and the form shows the newer version.
        var outcome = await ConcurrencyGuard.TrySaveAsync(db, () =>
        {
            db.ProfileVersions.Add(Input.ToVersion(id, latestNumber + 1, User.UserId(), time.GetUtcNow().UtcDateTime));
            return Task.CompletedTask;
        }, ModelState, t, taken: UniqueRefusal.Conflict);
        return outcome switch
        {
            SaveOutcome.Saved => RedirectToPage("/Candidates/Details", new { id }),
            SaveOutcome.Conflict => Conflict(await LatestAsync(id)),
            SaveOutcome.Refused or _ => Page(),
        };
    }

    public IEnumerable<(string Label, string? Value)> Fields(VocationalProfileVersion p)
    {
        ArgumentNullException.ThrowIfNull(p);
        yield return (t["Field_Interests"], p.Interests);
        yield return (t["Field_WorkExperience"], p.WorkExperience);
        yield return (t["Field_Education"], p.Education);
        yield return (t["Field_Strengths"], p.Strengths);
        yield return (t["Field_Challenges"], p.Challenges);
        yield return (t["Field_Friskfaktorer"], p.Friskfaktorer);
        yield return (t["Field_PreferredIndustries"], p.PreferredIndustries);
        yield return (t["Field_PreferredHours"], p.PreferredHours);
        yield return (t["Field_PreferredHoursRange"], HoursRange(p.PreferredHoursMin, p.PreferredHoursMax));
        yield return (t["Field_PreferredPlaces"], p.PreferredPlaces);
        yield return (t["Field_Adaptations"], p.Adaptations);
        yield return (t["Field_PersonalContacts"], p.PersonalContacts);
    }

    private string? HoursRange(int? min, int? max) => (min, max) switch
    {
        (null, null) => null,
        ({ } a, null) => t.Count("Hours_AtLeast", a, a).Value,
        (null, { } b) => t.Count("Hours_AtMost", b, b).Value,
        ({ } a, { } b) => t["Hours_Between", a, b].Value,
    };

    private PageResult Conflict(VocationalProfileVersion? latest)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, t["Error_Conflict"]);
        Input = ProfileInput.From(latest);
        LatestSavedAtUtc = latest?.SavedAtUtc;
        return Page();
    }

    private Task<VocationalProfileVersion?> LatestAsync(int id) =>
        db.ProfileVersions.AsNoTracking().Where(p => p.CandidateId == id)
            .OrderByDescending(p => p.VersionNumber).FirstOrDefaultAsync();

    private async Task ShowAsync(Candidate candidate)
    {
        Id = candidate.Id;
        Name = candidate.FullName;
        History = await db.ProfileVersions.AsNoTracking().Where(p => p.CandidateId == candidate.Id)
            .OrderByDescending(p => p.VersionNumber)
            .Select(p => new ProfileVersionRow(p.VersionNumber, p.SavedAtUtc,
                db.Users.Where(u => u.Id == p.SavedById).Select(u => u.DisplayName).FirstOrDefault() ?? ""))
            .ToListAsync();
        LatestSavedAtUtc = History.Count > 0 ? History[0].SavedAtUtc : null;
    }
}

public sealed record ProfileVersionRow(int VersionNumber, DateTime SavedAtUtc, string SavedBy);

public sealed class ProfileInput
{
    private const int Max = VocationalProfileVersion.FieldMaxLength;

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Interests")]
    public string? Interests { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_WorkExperience")]
    public string? WorkExperience { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Education")]
    public string? Education { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Strengths")]
    public string? Strengths { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Challenges")]
    public string? Challenges { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Friskfaktorer")]
    public string? Friskfaktorer { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_PreferredIndustries")]
    public string? PreferredIndustries { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_PreferredHours")]
    public string? PreferredHours { get; set; }

    [Range(1, Trinn.Core.Opportunities.JobOpportunity.MaxHoursPerWeek, ErrorMessage = "Error_HoursPerWeek")]
    [Display(Name = "Field_PreferredHoursMin")]
    public int? PreferredHoursMin { get; set; }

    [Range(1, Trinn.Core.Opportunities.JobOpportunity.MaxHoursPerWeek, ErrorMessage = "Error_HoursPerWeek")]
    [Display(Name = "Field_PreferredHoursMax")]
    public int? PreferredHoursMax { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_PreferredPlaces")]
    public string? PreferredPlaces { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_Adaptations")]
    public string? Adaptations { get; set; }

    [StringLength(Max, ErrorMessage = "Error_TooLong")]
    [Display(Name = "Field_PersonalContacts")]
    public string? PersonalContacts { get; set; }

    /// <summary>The version the form was filled in from; 0 when there was none.</summary>
    public int BaseVersion { get; set; }

    public static ProfileInput From(VocationalProfileVersion? p) => p is null
        ? new ProfileInput()
        : new ProfileInput
        {
            Interests = p.Interests,
            WorkExperience = p.WorkExperience,
            Education = p.Education,
            Strengths = p.Strengths,
            Challenges = p.Challenges,
            Friskfaktorer = p.Friskfaktorer,
            PreferredIndustries = p.PreferredIndustries,
            PreferredHours = p.PreferredHours,
            PreferredHoursMin = p.PreferredHoursMin,
            PreferredHoursMax = p.PreferredHoursMax,
            PreferredPlaces = p.PreferredPlaces,
            Adaptations = p.Adaptations,
            PersonalContacts = p.PersonalContacts,
            BaseVersion = p.VersionNumber,
        };

    public VocationalProfileVersion ToVersion(int candidateId, int number, string userId, DateTime nowUtc)
    {
        var version = new VocationalProfileVersion
        {
            CandidateId = candidateId,
            VersionNumber = number,
            SavedById = userId,
            SavedAtUtc = nowUtc,
            Interests = Interests,
            WorkExperience = WorkExperience,
            Education = Education,
            Strengths = Strengths,
            Challenges = Challenges,
            Friskfaktorer = Friskfaktorer,
            PreferredIndustries = PreferredIndustries,
            PreferredHours = PreferredHours,
            PreferredPlaces = PreferredPlaces,
            Adaptations = Adaptations,
            PersonalContacts = PersonalContacts,
        };
        version.SetPreferredHours(PreferredHoursMin, PreferredHoursMax);
        return version;
    }
}
