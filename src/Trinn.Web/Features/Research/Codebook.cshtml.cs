using Trinn.Core.Research;
using Trinn.Web.Features.Placements;
using Trinn.Web.Features.Studies;

namespace Trinn.Web.Features.Research;

/// <summary>
/// The codebook of a study's SPSS/R export as a page: every variable with its label, type, measurement level, value
/// labels, missing codes and instrument version. It describes the files, not the people: no participant data is read.
/// </summary>
public sealed class CodebookModel(TrinnDbContext db, IStringLocalizer<ResearchResource> r, IStringLocalizer<SharedResource> shared, IStringLocalizer<PlacementsResource> placements) : PageModel
{
    public int StudyId { get; private set; }

    public string StudyName { get; private set; } = "";

    public IReadOnlyList<CodebookEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var name = await db.Set<Study>().AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return NotFound();
        }

        (StudyId, StudyName) = (id, name);
        var shape = await StudySurvey.ShapeAsync(db, id);
        Entries = ResearchDatasetFiles.Describe(StudyDataset.Empty(survey: shape), name, ResearchDatasetFiles.Labels(r, shared, placements)).Codebook();
        return Page();
    }
}
