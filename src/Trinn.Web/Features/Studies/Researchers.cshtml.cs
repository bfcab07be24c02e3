using Trinn.Core.Identity;
using Trinn.Core.Research;

namespace Trinn.Web.Features.Studies;

/// <summary>
/// Admin: which forskere may see this study (its summary and pseudonymous exports under /Research). A forsker without a
/// grant sees no study. Grants and withdrawals are audited like every change.
/// </summary>
public sealed class ResearchersModel(TrinnDbContext db, IStringLocalizer<StudyAccessResource> r, TimeProvider time) : PageModel
{
    public const int MaxListed = 500;

    [BindProperty]
    public ResearchersInput Input { get; set; } = new();

    public int StudyId { get; private set; }

    public string StudyName { get; private set; } = "";

    public IReadOnlyList<ResearcherRow> Researchers { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.UserIds = Researchers.Where(x => x.Granted).Select(x => x.UserId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var wanted = Input.UserIds.Distinct(StringComparer.Ordinal).ToList();
        var forskere = Researchers.Select(x => x.UserId).ToHashSet(StringComparer.Ordinal);
        if (wanted.Any(u => !forskere.Contains(u)))
        {
            ModelState.AddModelError("Input.UserIds", r["Error_NotForsker"]);
            return Page();
        }

        var current = await db.Set<StudyResearcher>().Where(x => x.StudyId == id).ToListAsync();
        db.RemoveRange(current.Where(x => !wanted.Contains(x.UserId)));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var userId in wanted.Where(u => current.All(x => x.UserId != u)))
        {
            db.Add(new StudyResearcher { StudyId = id, UserId = userId, GrantedById = User.UserId(), GrantedAtUtc = now });
        }

        await db.SaveChangesAsync();
        Message = r["Researchers_Saved"];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var study = await db.Set<Study>().AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync();
        if (study is null)
        {
            return false;
        }

        (StudyId, StudyName) = (study.Id, study.Name);
        var roleId = await db.Roles.Where(x => x.Name == Roles.Forsker).Select(x => x.Id).SingleOrDefaultAsync();
        Researchers = await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAtUtc == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName).Take(MaxListed)
            .Select(u => new ResearcherRow(u.Id, u.DisplayName, u.UserName ?? "",
                db.Set<StudyResearcher>().Any(x => x.StudyId == id && x.UserId == u.Id)))
            .ToListAsync();
        return true;
    }
}

public sealed class ResearchersInput
{
    public List<string> UserIds { get; set; } = [];
}

public sealed record ResearcherRow(string UserId, string DisplayName, string UserName, bool Granted);

/// <summary>Marker for the study-access texts (Resources/Features/Studies/StudyAccessResource.resx).</summary>
public sealed class StudyAccessResource;
